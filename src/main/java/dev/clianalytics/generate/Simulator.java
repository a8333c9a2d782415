package dev.clianalytics.generate;

import dev.clianalytics.generate.Catalog.Command;
import dev.clianalytics.generate.Catalog.Tool;
import dev.clianalytics.generate.Machine.Login;
import java.io.IOException;
import java.time.LocalDate;

/**
 * Simulates people and CI pipelines running CLIs over four weeks (SPEC §7) and hands every command
 * run to a sink. Only this class draws from the seeded random stream, so the activity is the same
 * whatever format it is written in. Memory is bounded: the pools of people and pipelines are capped.
 */
final class Simulator {
    static final long BASE_MICROS = LocalDate.of(2026, 3, 2).toEpochDay() * Catalog.DAY_MICROS;
    static final int RANGE_DAYS = 28;
    static final int CI_EPISODE_PERCENT = 16;
    /** People work weekdays 08:00-20:00 in their own zone; outside that, only this share of their episodes happens. */
    static final int OFF_HOURS_PERCENT = 15;
    static final int ABANDON_PERCENT = 14;
    static final int RETRY_PERCENT = 55;
    /** After an error with a known fix (Catalog.FIXES), this share applies it and runs the step again. */
    static final int FIX_PERCENT = 80;
    static final int CHAIN_PERCENT = 30;
    static final int LOGOUT_PERCENT = 5;
    private static final long SECOND = 1_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final double EVENTS_PER_EPISODE = 1.7; // per arrival, over people (often off-hours) and CI
    private static final String[] NAMES = {
        "alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory", "niaj",
        "olivia", "peggy", "rupert", "sybil", "trent", "uma", "victor", "walter", "xena", "yusuf", "zoe", "amir",
        "bea", "chen", "dimitri", "esther", "farid", "gita", "hana", "igor", "jun", "kofi", "lena", "mateo"};
    private static final String[] HOST_KINDS = {"-laptop", "-macbook", "-desktop", "-wsl", "-workstation"};

    /** What the simulation did, for the summary and for tests of the scenario shares. */
    static final class Stats {
        long humanEpisodes;
        long abandoned;
        long ciRuns;
        long ciReruns;
        long failures;
        long retries;
        long logins;
        long lazyLogins;
        long fixes;
        long logouts;
    }

    final Stats stats = new Stats();
    private final Rand r;
    private final long target;
    private final ActivitySink sink;
    private final Human[] humans;
    private final Pipeline[] pipelines;
    private final double meanGapMicros;
    private final Invocation inv = new Invocation();
    private long clock = BASE_MICROS;
    private long emitted;

    private static final class Human {
        Machine[] machines;
        Tool[] tools;
    }

    private enum PipelineKind { NODE_APP, INFRA, LIBRARY }

    private static final class Pipeline {
        int index;
        PipelineKind kind;
        byte[] actorId;
        Machine[] runners;
        int runs;
    }

    Simulator(long seed, long events, ActivitySink sink) {
        this.r = new Rand(seed);
        this.target = events;
        this.sink = sink;
        double episodes = Math.max(1, events / EVENTS_PER_EPISODE);
        this.meanGapMicros = RANGE_DAYS * (double) Catalog.DAY_MICROS / episodes;
        this.humans = new Human[(int) clamp((long) (episodes / 25), 6, 20_000)];
        for (int i = 0; i < humans.length; i++) {
            humans[i] = newHuman(i);
        }
        this.pipelines = new Pipeline[(int) clamp((long) (episodes / 200), 2, 4_000)];
        for (int i = 0; i < pipelines.length; i++) {
            pipelines[i] = newPipeline(i);
        }
    }

    private static long clamp(long v, long lo, long hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    void run() throws IOException {
        while (emitted < target) {
            clock += (long) (-Math.log(1 - r.nextDouble()) * meanGapMicros);
            if (r.nextInt(100) < CI_EPISODE_PERCENT) {
                ciRun(pipelines[r.nextInt(pipelines.length)]);
            } else {
                double u = r.nextDouble();
                Human h = humans[(int) (humans.length * u * u)];
                boolean happened = humanEpisode(h);
                while (happened && emitted < target && r.nextInt(100) < CHAIN_PERCENT) {
                    happened = humanEpisode(h);
                }
            }
        }
    }

    // ---- population

    private Human newHuman(int i) {
        byte[] user = ByteOut.ascii(NAMES[i % NAMES.length] + (i < NAMES.length ? "" : Integer.toString(i / NAMES.length)));
        int offset = offsetMinutes();
        byte[] principal = new ByteOut(28).putAscii("usr_").hex(r.nextLong(), 16).hex(r.nextInt(), 8).toBytes();
        int roll = r.nextInt(100);
        Login first = roll < 45 ? Login.FIRST : roll < 70 ? Login.LAZY : Login.NEVER;
        Human h = new Human();
        int machines = r.nextInt(100) < 20 ? 2 : 1;
        h.machines = new Machine[machines];
        for (int m = 0; m < machines; m++) {
            Login login = m == 0 ? first : first != Login.NEVER && r.nextInt(100) < 70 ? Login.FIRST : Login.NEVER;
            byte[] host = ByteOut.ascii(new String(user) + HOST_KINDS[(i + m) % HOST_KINDS.length] + (m == 0 ? "" : "-2"));
            h.machines[m] = new Machine(r, host, user, principal, uuid(), login, false, m == 0 ? offset : offsetMinutes());
        }
        int persona = r.nextInt(3);
        h.tools = switch (persona) {
            case 0 -> new Tool[] {Catalog.TERRAFORM, Catalog.TERRAFORM, Catalog.KUBECTL, Catalog.DOCKER};
            case 1 -> new Tool[] {Catalog.NPM, Catalog.NPM, Catalog.DOCKER, Catalog.KUBECTL};
            default -> Catalog.TOOLS;
        };
        return h;
    }

    private int offsetMinutes() {
        int roll = r.nextInt(100);
        if (roll < 70) {
            return 0;
        }
        if (roll < 85) {
            return r.nextBoolean() ? 120 : 60;
        }
        if (roll < 93) {
            return r.nextBoolean() ? -300 : -240;
        }
        return roll < 98 ? 330 : 540;
    }

    private byte[] uuid() {
        return new ByteOut(36).uuid(r.nextLong(), r.nextLong()).toBytes();
    }

    private Pipeline newPipeline(int i) {
        Pipeline p = new Pipeline();
        p.index = i;
        p.kind = PipelineKind.values()[r.nextInt(3)];
        String repo = p.kind.name().toLowerCase().replace('_', '-') + "-" + i;
        p.actorId = ByteOut.ascii("ci-bot-" + repo);
        p.runners = new Machine[2 + r.nextInt(2)];
        for (int m = 0; m < p.runners.length; m++) {
            byte[] runner = ByteOut.ascii("runner-" + repo + "-" + m);
            p.runners[m] = new Machine(r, runner, ByteOut.ascii("runner"), null, p.actorId, Login.NEVER, true, 0);
        }
        return p;
    }

    // ---- humans

    /** One workflow of a person; returns false when it did not happen (off hours). */
    private boolean humanEpisode(Human h) throws IOException {
        Machine m = h.machines[h.machines.length > 1 && r.nextInt(100) < 30 ? 1 : 0];
        long t = Math.max(clock, m.nextFree + think());
        if (!workingHours(t, m.offsetMinutes) && r.nextInt(100) >= OFF_HOURS_PERCENT) {
            return false;
        }
        m.episodes++;
        stats.humanEpisodes++;
        Tool tool = h.tools[r.nextInt(h.tools.length)];
        boolean firstLogin = m.episodes == 1 && m.login != Login.NEVER;
        if (firstLogin && tool.login == null) {
            tool = Catalog.DOCKER;
        }
        int count = workflow(tool, m.episodes == 1);
        // Lazy login: one step runs anonymously, the next fails for want of a login, the user logs in
        // and goes on. Only when the output has room for all three, so the alias is never cut off.
        boolean lazy = firstLogin && m.login == Login.LAZY && count >= 2 && room(3);
        if (firstLogin && !lazy) {
            t = login(m, tool, t) + think();
        }
        if (!lazy && count > 1 && r.nextInt(100) < ABANDON_PERCENT) {
            count = 1 + r.nextInt(Math.min(2, count - 1));
            stats.abandoned++;
        }
        if (lazy) {
            stats.lazyLogins++;
        }
        for (int i = 0; i < count && emitted < target; i++) {
            if (lazy && i == 0) {
                emit(m, steps[0], t, null, -1, 0.0, null, false);
                t = lastEnd + think();
                continue;
            }
            if (lazy && i == 1) {
                emit(m, steps[1], t, null, -1, 1.0, Catalog.NOT_LOGGED_IN, false);
                t = login(m, tool, lastEnd + think()) + think();
                if (emitted >= target) {
                    break;
                }
            }
            boolean ok = emit(m, steps[i], t, null, -1, Double.NaN, null, false);
            for (int attempt = 1; !ok && attempt < 3 && emitted < target; attempt++) {
                Catalog.Fix fix = Catalog.fixFor(lastError);
                if (fix != null && fix.before() != null && fix.before().isLogin() && !m.loggedIn) {
                    fix = null; // no login to renew: an ordinary retry
                }
                if (r.nextInt(100) >= (fix != null ? FIX_PERCENT : RETRY_PERCENT)) {
                    break;
                }
                stats.retries++;
                ok = fix != null ? applyFix(m, fix, steps[i]) : emit(m, steps[i], lastEnd + retryWait(), null, -1, Double.NaN, null, false);
            }
            t = lastEnd + think();
            if (!ok) {
                break;
            }
        }
        if (m.loggedIn && m.episodes >= 3 && tool.logout != null && room(1) && r.nextInt(100) < LOGOUT_PERCENT) {
            emit(m, tool.logout, t, null, -1, 0.0, null, false);
            t = lastEnd;
            stats.logouts++;
            m.loggedIn = false;
            m.linked = false;
            m.anonId = uuid();
        }
        m.nextFree = t;
        sink.episodeEnd();
        return true;
    }

    /**
     * The fix's step (if any, it succeeds), then the failed step again with only the fix's flag; the
     * fix removes the error's cause, so the step fails only at its command's own rate. Returns whether
     * the step succeeded.
     */
    private boolean applyFix(Machine m, Catalog.Fix fix, Command step) throws IOException {
        stats.fixes++;
        long t = lastEnd + retryWait();
        if (fix.before() != null) {
            onlyFlag = fix.beforeFlag();
            emit(m, fix.before(), t, null, -1, 0.0, null, fix.before().isLogin());
            t = lastEnd + think();
            if (emitted >= target) {
                return true;
            }
        }
        onlyFlag = fix.retryFlag();
        return emit(m, step, t, null, -1, step.failRate, null, false);
    }

    /** Monday to Friday, 08:00 to 20:00 local time. */
    private static boolean workingHours(long utcMicros, int offsetMinutes) {
        long local = utcMicros + offsetMinutes * MINUTE;
        long day = Math.floorDiv(local, Catalog.DAY_MICROS);
        long hour = (local - day * Catalog.DAY_MICROS) / (60 * MINUTE);
        long weekday = Math.floorMod(day + 3, 7); // 1970-01-01 was a Thursday; 0 is Monday
        return weekday < 5 && hour >= 8 && hour < 20;
    }

    /** Logs in (a failed first attempt is retried at once); returns the end of the successful run. */
    private long login(Machine m, Tool tool, long t) throws IOException {
        if (emitted >= target) {
            return t;
        }
        boolean ok = emit(m, tool.login, t, null, -1, room(2) ? Double.NaN : 0.0, null, true);
        if (!ok) {
            emit(m, tool.login, lastEnd + SECOND * (20 + r.nextInt(40)), null, -1, 0.0, null, true);
        }
        return lastEnd;
    }

    private final Command[] steps = new Command[8];

    /** Fills {@link #steps} with a human's workflow for one tool; returns the step count. */
    private int workflow(Tool tool, boolean firstEpisode) {
        int n = 0;
        if (tool == Catalog.TERRAFORM) {
            if (firstEpisode || r.nextInt(100) < 35) {
                steps[n++] = Catalog.TF_INIT;
            }
            if (r.nextInt(100) < 50) {
                steps[n++] = Catalog.TF_VALIDATE;
            }
            steps[n++] = Catalog.TF_PLAN;
            if (r.nextInt(100) < 80) {
                steps[n++] = Catalog.TF_APPLY;
            }
        } else if (tool == Catalog.DOCKER) {
            steps[n++] = Catalog.DOCKER_BUILD;
            if (r.nextInt(100) < 75) {
                steps[n++] = Catalog.DOCKER_PUSH;
            }
        } else if (tool == Catalog.NPM) {
            if (r.nextInt(100) < 70) {
                steps[n++] = Catalog.NPM_INSTALL;
            }
            if (r.nextInt(100) < 75) {
                steps[n++] = Catalog.NPM_TEST;
            }
            if (r.nextInt(100) < 50) {
                steps[n++] = Catalog.NPM_BUILD;
            }
            if (r.nextInt(100) < 10) {
                steps[n++] = Catalog.NPM_PUBLISH;
            }
            if (n == 0) {
                steps[n++] = Catalog.NPM_TEST;
            }
        } else {
            steps[n++] = Catalog.KUBECTL_APPLY;
            if (r.nextInt(100) < 65) {
                steps[n++] = Catalog.KUBECTL_ROLLOUT;
            }
        }
        return n;
    }

    // ---- CI

    private void ciRun(Pipeline p) throws IOException {
        Machine m = p.runners[r.nextInt(p.runners.length)];
        long t = Math.max(clock, m.nextFree + SECOND * (5 + r.nextInt(60)));
        int count = pipelineSteps(p.kind);
        int run = ++p.runs;
        stats.ciRuns++;
        for (int attempt = 1; attempt <= 2 && emitted < target; attempt++) {
            byte[] hint = ByteOut.ascii("gha-" + p.index + "-" + run + "-attempt-" + attempt);
            boolean failed = false;
            for (int i = 0; i < count && emitted < target; i++) {
                boolean ok = emit(m, steps[i], t, hint, i + 1, Double.NaN, null, false);
                t = lastEnd + SECOND * (1 + r.nextInt(8));
                if (!ok) {
                    failed = true;
                    break;
                }
            }
            // "Re-run failed jobs", minutes later, as a new attempt with its own run id.
            if (!failed || r.nextInt(100) >= 35) {
                break;
            }
            t += MINUTE * (3 + r.nextInt(18));
            stats.ciReruns++;
        }
        m.nextFree = t;
        sink.episodeEnd();
    }

    private int pipelineSteps(PipelineKind kind) {
        int n = 0;
        switch (kind) {
            case NODE_APP -> {
                steps[n++] = Catalog.NPM_INSTALL;
                steps[n++] = Catalog.NPM_TEST;
                steps[n++] = Catalog.NPM_BUILD;
                if (r.nextBoolean()) {
                    steps[n++] = Catalog.DOCKER_BUILD;
                    steps[n++] = Catalog.DOCKER_PUSH;
                    steps[n++] = Catalog.KUBECTL_APPLY;
                    steps[n++] = Catalog.KUBECTL_ROLLOUT;
                }
            }
            case INFRA -> {
                steps[n++] = Catalog.TF_INIT;
                steps[n++] = Catalog.TF_VALIDATE;
                steps[n++] = Catalog.TF_PLAN;
                if (r.nextInt(100) < 60) {
                    steps[n++] = Catalog.TF_APPLY;
                }
            }
            default -> {
                steps[n++] = Catalog.NPM_INSTALL;
                steps[n++] = Catalog.NPM_TEST;
                if (r.nextInt(100) < 30) {
                    steps[n++] = Catalog.NPM_PUBLISH;
                }
            }
        }
        return n;
    }

    // ---- one command run

    private long lastEnd;
    /** The error text of the last run when it failed (what the person saw, sent or not), else null. */
    private Template lastError;
    /** For the next run only: pick just this flag of the command (-1: none) instead of random ones. */
    private int onlyFlag = RANDOM_FLAGS;
    private static final int RANDOM_FLAGS = -2;

    private boolean room(int events) {
        return target - emitted >= events;
    }

    /**
     * Emits one command run starting at {@code t}; {@code failProb} NaN means the command's own rate.
     * Sets {@link #lastEnd}; returns whether it succeeded.
     */
    private boolean emit(Machine m, Command c, long t, byte[] hint, long seq, double failProb, Template[] errors,
            boolean isLogin) throws IOException {
        Invocation v = inv;
        v.index = emitted;
        v.tsMicros = m.microsTimestamps ? t : t - Math.floorMod(t, 1000);
        v.command = c;
        Catalog.Release release = c.tool.releaseAt((t - BASE_MICROS) / (double) Catalog.DAY_MICROS - m.versionLagDays);
        v.version = release.bytes();
        boolean regressed = Double.isNaN(failProb) && c == Catalog.TF_APPLY && release == Catalog.TERRAFORM_REGRESSION;
        double p = !Double.isNaN(failProb) ? failProb : c.failRate * (regressed ? Catalog.REGRESSION_FACTOR : 1.0);
        boolean fail = p > 0 && r.nextDouble() < p;
        boolean ci = hint != null;
        pickFlags(m, c, ci);
        double u = r.nextDouble();
        long duration = c.minMs + (long) ((c.maxMs - c.minMs) * u * u);
        v.hasError = false;
        v.error.reset();
        if (fail) {
            stats.failures++;
            duration = duration * (20 + r.nextInt(80)) / 100;
            int roll = r.nextInt(100);
            Template text;
            if (errors != null) {
                v.exitCode = 1;
                text = errors[r.nextInt(errors.length)];
            } else if (regressed && r.nextDouble() < 1 - 1 / Catalog.REGRESSION_FACTOR) {
                // the failures the regression adds
                v.exitCode = 1;
                text = Catalog.REGRESSION_ERROR;
            } else if (ci) {
                v.exitCode = roll < 90 ? 1 : 137;
                text = roll < 90 ? c.errors[r.nextInt(c.errors.length)] : Catalog.OOM_KILLED;
            } else {
                v.exitCode = roll < 86 ? 1 : roll < 93 ? 2 : 130;
                text = roll < 93 ? c.errors[r.nextInt(c.errors.length)] : Catalog.INTERRUPTED;
            }
            // Older clients send no error text; the others leave it out now and then.
            if (m.sendsErrorText && r.nextInt(100) >= 4) {
                text.render(v.error, r, m.user);
                v.hasError = true;
            }
            lastError = text;
            v.failure = text.source;
        } else {
            v.exitCode = 0;
            lastError = null;
            v.failure = null;
        }
        v.durationMs = duration;
        v.isLogin = isLogin;
        v.linksIdentity = false;
        if (isLogin && !fail && !m.loggedIn) {
            // Aliased before the login's own event is sent (as the seed CLI does).
            m.loggedIn = true;
            v.linksIdentity = true;
            stats.logins++;
        }
        v.machine = m;
        v.actorId = m.nativeActor();
        v.distinctId = m.currentId();
        v.anonId = m.anonId;
        v.sessionHint = hint;
        v.ci = ci;
        v.sequence = seq >= 0 ? seq : m.sendsSequence ? ++m.counter : -1;
        lastEnd = v.tsMicros + duration * 1000;
        emitted++;
        sink.invocation(v);
        return !fail;
    }

    private void pickFlags(Machine m, Command c, boolean ci) {
        inv.flagCount = 0;
        if (onlyFlag != RANDOM_FLAGS) {
            if (onlyFlag >= 0) {
                ByteOut b = inv.flags[inv.flagCount++];
                b.reset();
                c.flags[onlyFlag].render(b, r, m.user);
            }
            onlyFlag = RANDOM_FLAGS;
            return;
        }
        int n = c.flags.length;
        if (n == 0) {
            return;
        }
        int roll = r.nextInt(100);
        int want = ci ? (roll < 30 ? 0 : roll < 70 ? 1 : 2) : (roll < 35 ? 0 : roll < 70 ? 1 : roll < 90 ? 2 : 3);
        want = Math.min(want, n);
        int used = 0;
        while (inv.flagCount < want) {
            int k = r.nextInt(n);
            if ((used & (1 << k)) != 0) {
                continue;
            }
            used |= 1 << k;
            ByteOut b = inv.flags[inv.flagCount++];
            b.reset();
            c.flags[k].render(b, r, m.user);
        }
    }

    /** Think time between two steps: seconds to minutes, now and then a longer pause (still one session). */
    private long think() {
        if (r.nextInt(100) < 5) {
            return MINUTE * (3 + r.nextInt(17));
        }
        return SECOND * 4 + Math.min(10 * MINUTE, (long) (-Math.log(1 - r.nextDouble()) * 45 * SECOND));
    }

    /** Fix-and-retry: the user reads the error, changes something, runs the step again minutes later. */
    private long retryWait() {
        return MINUTE * 2 + (long) (r.nextDouble() * 13 * MINUTE);
    }
}
