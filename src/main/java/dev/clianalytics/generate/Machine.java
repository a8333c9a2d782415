package dev.clianalytics.generate;


/**
 * One machine of a simulated user or CI pipeline, with its identity state and its producer's
 * style: which optional fields its CLI sends and how it would send them through PostHog or Segment.
 * The style is drawn from the simulation's random stream, so every output format sees the same one.
 */
final class Machine {
    enum Login { FIRST, LAZY, NEVER }

    final byte[] machineId;
    final byte[] user;          // user name used in paths and e-mails of its error texts
    final byte[] principalId;   // the account id after login; null for CI and never-login machines
    byte[] anonId;              // rotated by logout
    final Login login;
    boolean loggedIn;
    boolean linked;             // the current anonymous id is (or will be) linked to the principal
    int episodes;
    long nextFree;              // micros: when the machine is free for the next episode
    long counter;               // per-machine sequence, for producers that send one
    final int offsetMinutes;
    byte[] nativeIds;           // cached by the native writer
    byte[] nativeIdsFor;
    final double versionLagDays;

    // Producer style (native optional fields).
    final boolean sendsEventId;
    final boolean sendsSequence;
    final boolean omitsCiWhenFalse;
    final boolean omitsEmptyFlags;
    final boolean sendsUnknownField;
    final boolean microsTimestamps;
    final boolean zonelessTimestamps;
    final boolean sendsErrorText;   // older clients report no error text (and use Segment's older catalog)
    // PostHog style.
    final boolean phDurationFloat;
    final boolean phDeviceId;
    final boolean phNameWithTool;
    final boolean phExitCodeProperty;
    final boolean phIdentify;
    // Segment style.
    final boolean sgNewCatalog;
    final boolean sgCommandString;
    final boolean sgToolInContext;
    final boolean sgIdentify;

    Machine(Rand r, byte[] machineId, byte[] user, byte[] principalId, byte[] anonId, Login login,
            boolean ci, int offsetMinutes) {
        this.machineId = machineId;
        this.user = user;
        this.principalId = principalId;
        this.anonId = anonId;
        this.login = login;
        this.linked = login != Login.NEVER;
        this.offsetMinutes = offsetMinutes;
        this.versionLagDays = ci ? r.nextDouble() * 2 : r.nextDouble() * 10;
        this.sendsEventId = r.nextInt(100) < 40;
        this.sendsSequence = ci || r.nextInt(100) < 30;
        this.omitsCiWhenFalse = !ci && r.nextInt(100) < 30;
        this.omitsEmptyFlags = r.nextBoolean();
        this.sendsUnknownField = r.nextInt(100) < 10;
        this.microsTimestamps = ci;
        this.zonelessTimestamps = !ci && offsetMinutes == 0 && r.nextInt(100) < 3;
        this.sendsErrorText = r.nextInt(100) < 60;
        this.phDurationFloat = r.nextInt(100) < 40;
        this.phDeviceId = r.nextInt(100) < 30;
        this.phNameWithTool = r.nextInt(100) < 30;
        this.phExitCodeProperty = r.nextBoolean();
        this.phIdentify = r.nextInt(100) < 30;
        this.sgNewCatalog = sendsErrorText || r.nextInt(100) < 25; // the older catalog has no error text
        this.sgCommandString = r.nextInt(100) < 40;
        this.sgToolInContext = r.nextInt(100) < 40;
        this.sgIdentify = r.nextInt(100) < 40;
    }

    /** The id the native format carries: the account for a machine that logs in, else the current anonymous id. */
    byte[] nativeActor() {
        return linked ? principalId : anonId;
    }

    /** The id PostHog's distinct_id / Segment's userId-else-anonymousId carries right now. */
    byte[] currentId() {
        return loggedIn ? principalId : anonId;
    }
}
