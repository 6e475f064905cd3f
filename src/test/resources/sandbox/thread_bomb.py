import threading
import time

def run():
    threads = []
    for _ in range(10000):
        t = threading.Thread(target=time.sleep, args=(30,))
        t.start()
        threads.append(t)
    return len(threads)
