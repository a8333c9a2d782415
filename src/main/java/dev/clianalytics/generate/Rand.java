package dev.clianalytics.generate;

/**
 * SplitMix64 (the generator inside java.util.SplittableRandom), as a final class with final methods:
 * the launcher runs the JVM with the C1 compiler only, which calls RandomGenerator's interface
 * defaults (bounded nextInt) slowly. Same seed, same sequence, on every JVM.
 */
final class Rand {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private long state;

    Rand(long seed) {
        this.state = seed;
    }

    long nextLong() {
        long z = (state += GOLDEN);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    int nextInt() {
        return (int) (nextLong() >>> 32);
    }

    /** Uniform in [0, bound) by multiply-shift; the bias (below 2^-31 × bound) does not matter here. */
    int nextInt(int bound) {
        return (int) (((nextLong() >>> 33) * bound) >>> 31);
    }

    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    boolean nextBoolean() {
        return nextLong() < 0;
    }
}
