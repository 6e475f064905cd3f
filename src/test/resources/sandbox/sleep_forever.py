import time

def sleepy_function_xyz():
    time.sleep(3600)

def run():
    sleepy_function_xyz()
