# statistics module on exact data.
import statistics
data = [2, 4, 4, 4, 5, 5, 7, 9]
print(statistics.mean(data), statistics.median(data), statistics.mode(data), statistics.pstdev(data))
print(statistics.median_low([1, 3, 5, 7]), statistics.median_high([1, 3, 5, 7]), statistics.multimode("aabbc"))
print(statistics.fmean([1, 2, 3, 4]), statistics.pvariance([1, 2, 3, 4]), statistics.variance([1, 2, 3, 4]))
try:
    statistics.mean([])
except statistics.StatisticsError as e:
    print(e)
