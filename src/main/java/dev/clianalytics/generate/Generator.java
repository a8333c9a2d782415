package dev.clianalytics.generate;

import java.io.IOException;
import java.io.OutputStream;

/** Writes the simulated activity of {@link GenerateSettings} to a stream, in constant memory. */
public final class Generator {
    private Generator() {}

    /**
     * What was written: command runs simulated, how many became malformed lines, lines written, and
     * what the simulation did (episodes of people, of which abandoned after 1-2 steps; CI runs, re-runs;
     * failed runs, retries of a failed step; logins that link an anonymous id, of them lazy; logouts).
     */
    public record Summary(long events, long badLines, long lines, long humanEpisodes, long abandoned, long ciRuns,
            long ciReruns, long failures, long retries, long logins, long lazyLogins, long logouts) {}

    public static Summary write(GenerateSettings settings, OutputStream stream) throws IOException {
        FormatWriter writer = switch (settings.format()) {
            case NATIVE -> new NativeWriter(stream, settings.seed(), settings.events());
            case POSTHOG -> new PostHogWriter(stream, settings.seed(), settings.events());
            case SEGMENT -> new SegmentWriter(stream, settings.seed(), settings.events());
        };
        long n = settings.events();
        long badCount = settings.badLines();
        ActivitySink sink = new ActivitySink() {
            private long bad;

            @Override
            public void invocation(Invocation inv) throws IOException {
                if (BadLine.isBad(inv.index, n, badCount)) {
                    writer.bad(inv, BadLine.nth(bad++, settings.format()));
                } else {
                    writer.invocation(inv);
                }
            }

            @Override
            public void episodeEnd() throws IOException {
                writer.episodeEnd();
            }
        };
        Simulator simulator = new Simulator(settings.seed(), n, sink);
        simulator.run();
        writer.finish();
        Simulator.Stats s = simulator.stats;
        return new Summary(n, badCount, writer.lines, s.humanEpisodes, s.abandoned, s.ciRuns, s.ciReruns, s.failures,
                s.retries, s.logins, s.lazyLogins, s.logouts);
    }
}
