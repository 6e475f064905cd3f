import multiprocessing as mp

def burn():
    while True:
        pass

def run():
    workers = [mp.Process(target=burn) for _ in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
