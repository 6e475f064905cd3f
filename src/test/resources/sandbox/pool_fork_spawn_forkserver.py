import multiprocessing as mp

def square(x):
    return x * x

def run(method):
    with mp.get_context(method).Pool(2) as pool:
        return pool.map(square, range(6))
