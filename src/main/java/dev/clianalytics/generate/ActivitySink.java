package dev.clianalytics.generate;

import java.io.IOException;

/** Receives the simulated activity, one command run at a time, grouped in episodes. */
interface ActivitySink {
    void invocation(Invocation inv) throws IOException;

    /** The end of one user's episode or one CI run (a good place to flush a batch body). */
    void episodeEnd() throws IOException;
}
