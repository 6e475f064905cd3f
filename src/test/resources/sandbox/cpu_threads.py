import threading

def burn():
    while True:
        pass

def run():
    for _ in range(8):
        threading.Thread(target=burn, daemon=True).start()
    burn()
