# str(), %-formatting and f-strings of floats.
vals = [0.0, 1.0, -1.5, 3.14159265358979, 1e-10, 6.02e23, 123456789.123, 0.1 + 0.2, 1e16, 100.0]
for v in vals:
    print(f"{v} | {v:f} | {v:.3g} | {v:e} | {v:10.2f} | {v:<10.1e}| %s %.3f %g %10.4e" % (v, v, v, v))
print(f"{1.5:08.2f} {-1.5:08.2f} {1.5:+.1f} {1.5: .1f} {1234567.0:,.1f} {0.000123:.2%}")
print(str(1e5), str(1e15), str(1e16), str(1.5e-5), str(0.0001), str(0.00001))
