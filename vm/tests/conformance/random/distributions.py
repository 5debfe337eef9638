# uniform, gauss, normalvariate and friends for a fixed seed.
import random
random.seed(3)
print([random.uniform(1, 10) for _ in range(3)], random.uniform(5, 5))
print([random.gauss(0, 1) for _ in range(4)])
print(random.gauss(100, 15), random.normalvariate(0, 1))
print(random.triangular(0, 10, 3), random.expovariate(2.0), random.betavariate(2, 5))
print(random.lognormvariate(0, 1), random.vonmisesvariate(1, 2), random.paretovariate(3), random.weibullvariate(1, 1.5))
print(random.gammavariate(2.0, 1.0), random.gammavariate(0.5, 1.0))
