import multiprocessing as mp
import time

def hog(_):
    block = bytearray(90 * 1024 * 1024)  # each worker alone fits; four together do not
    time.sleep(2)
    return len(block)

def run():
    with mp.get_context("fork").Pool(4) as pool:
        return sum(pool.map(hog, range(4)))
