"""Exercise: GloVe's weight f(x) = min(1, (x / x_max) ** alpha) for a few counts, with the paper's x_max = 100 and
alpha = 3/4. The counts are distance-weighted, so a pair seen once, ten words apart, counts 0.1."""

X_MAX, ALPHA = 100.0, 0.75


def f(x):
    return min(1.0, (x / X_MAX) ** ALPHA)


for count in [0.1, 1, 10, 50, 100, 1000]:
    print(f"f({count:g}) = {f(count):.4f}")
print(f"a count of 1 weighs 1/{1 / f(1):.1f} of a count of 100; a count of 10, 1/{1 / f(10):.2f}")
print(f"f(1000) / f(100) = {f(1000) / f(100):g}: above x_max every count weighs the same")
