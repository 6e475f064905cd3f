import multiprocessing as mp

def square(x):
    return x * x

def run():
    with mp.get_context("fork").Pool(10000) as pool:
        return sum(pool.map(square, range(10)))
