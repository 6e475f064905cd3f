package org.paragrade.similarity;

/** Solutions of the primes exercise: an original, a disguised copy of it, and independent work. */
public final class SimilaritySamples {
    private SimilaritySamples() {
    }

    public static final String ORIGINAL = """
            from concurrent.futures import ProcessPoolExecutor

            # trial division, as the starter does
            def is_prime(n):
                if n < 2:
                    return False
                i = 2
                while i * i <= n:
                    if n % i == 0:
                        return False
                    i += 1
                return True

            def count_range(bounds):
                lo, hi = bounds
                total = 0
                for n in range(lo, hi):
                    if is_prime(n):
                        total += 1
                return total

            def count_primes(limit, workers):
                step = max(1, limit // (workers * 4))
                chunks = [(lo, min(lo + step, limit)) for lo in range(0, limit, step)]
                with ProcessPoolExecutor(max_workers=workers) as pool:
                    return sum(pool.map(count_range, chunks))
            """;

    /** The original with every name changed, comments rewritten and blank lines moved. */
    public static final String RENAMED = """
            from concurrent.futures import ProcessPoolExecutor
            # my own solution!!
            def check_number(value):

                if value < 2:
                    return False
                d = 2
                while d * d <= value:
                    # found a divisor
                    if value % d == 0:
                        return False
                    d += 1
                return True
            def tally_segment(segment):
                start, stop = segment
                found = 0
                for value in range(start, stop):
                    if check_number(value):
                        found += 1
                return found

            def count_primes(limit, workers):
                size = max(1, limit // (workers * 4))
                parts = [(s, min(s + size, limit)) for s in range(0, limit, size)]
                with ProcessPoolExecutor(max_workers=workers) as ex:
                    return sum(ex.map(tally_segment, parts))
            """;

    /** Written differently: a sieve per block, a multiprocessing.Pool, no helper for one number. */
    public static final String INDEPENDENT = """
            import math
            import multiprocessing as mp

            def _block(args):
                start, end, small = args
                flags = bytearray([1]) * (end - start)
                for p in small:
                    first = max(p * p, ((start + p - 1) // p) * p)
                    flags[first - start:end - start:p] = bytes(len(range(first, end, p)))
                if start < 2:
                    for k in range(start, min(2, end)):
                        flags[k - start] = 0
                return sum(flags)

            def count_primes(limit, workers):
                if limit < 3:
                    return 0
                root = math.isqrt(limit) + 1
                sieve = [True] * root
                small = []
                for k in range(2, root):
                    if sieve[k]:
                        small.append(k)
                        for m in range(k * k, root, k):
                            sieve[m] = False
                blocks = []
                width = -(-limit // workers)
                for b in range(workers):
                    blocks.append((b * width, min(limit, (b + 1) * width), small))
                ctx = mp.get_context("spawn")
                with ctx.Pool(workers) as pool:
                    return sum(pool.imap_unordered(_block, blocks))
            """;

    /** A starter every student downloads (a helper and a docstringed stub). */
    public static final String STARTER = """
            import os
            import sys

            def is_prime(n):
                \"\"\"Trial division: the work each worker does.\"\"\"
                if n < 2:
                    return False
                i = 2
                while i * i <= n:
                    if n % i == 0:
                        return False
                    i += 1
                return True

            def read_settings(path):
                settings = {}
                with open(path) as f:
                    for line in f:
                        if "=" in line:
                            key, value = line.split("=", 1)
                            settings[key.strip()] = value.strip()
                return settings

            """;

    /** Two students' own parts after the starter. */
    public static final String INDEPENDENT_TAIL_A = """
            from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor

            def count_primes(limit, workers):
                with ProcessPoolExecutor(workers) as pool:
                    return sum(pool.map(is_prime, range(limit), chunksize=1000))
            """;

    public static final String INDEPENDENT_TAIL_B = """
            import multiprocessing

            def _work(q, lo, hi, out):
                c = 0
                for k in range(lo, hi):
                    c += is_prime(k)
                out.put(c)

            def count_primes(limit, workers):
                out = multiprocessing.Queue()
                procs = []
                span = limit // workers + 1
                for w in range(workers):
                    p = multiprocessing.Process(target=_work, args=(None, w * span, min(limit, (w + 1) * span), out))
                    p.start()
                    procs.append(p)
                total = sum(out.get() for _ in procs)
                for p in procs:
                    p.join()
                return total
            """;
}
