def sum_squares(n, workers):
    return sum(i * i for i in range(n))
