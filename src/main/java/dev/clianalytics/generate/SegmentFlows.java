package dev.clianalytics.generate;

import java.io.IOException;

/**
 * The flow events of the seed CLI's newer Segment catalog inside one invocation (docs/funnels.md):
 * the sign-in flow around a login (login or signup), creating an application triggered by a
 * command, and plan upgrades and downgrades after a sign-in, with a drop-off or failure at every
 * step. Which branch an invocation takes is a pure function of its index, so the simulation (and
 * so every other format) is the same as without flows; failed logins are retried by the
 * simulation as any failed command.
 */
final class SegmentFlows {
    private static final String AUTH = "CLI Auth ";
    private static final String[] AUTH_ERRORS = {"access_denied", "token_exchange_failed", "timeout"};
    private static final String[] CREATE_ERRORS = {"quota_exceeded", "name_taken"};
    private static final String[] UPGRADE_PLANS = {"pro", "team", "enterprise"};
    private static final String[] DOWNGRADE_PLANS = {"free", "pro"};

    private SegmentFlows() {}

    /** Writes the flows of {@code v} from event index {@code index}; returns the next index. */
    static int write(SegmentWriter w, ByteOut d, Invocation v, long start, long end, int index) throws IOException {
        long h = mix(v.index);
        long step = Math.max(1, (end - start) / 16);
        Flow f = new Flow(w, d, v, start, step, index);
        if (v.isLogin) {
            auth(f, h, v.exitCode == 0);
            if (v.exitCode == 0 && pick(h, 24, 3) == 0) {
                plan(f, h, pick(h, 28, 4) != 0);
            }
        } else if (creates(v.command.leaf) && pick(h, 16, 6) == 0) {
            create(f, h, v.exitCode == 0, v.command.leaf);
        }
        return f.index;
    }

    /** Started → Browser Opened → Callback Received → Completed; a failed login stops at one of them. */
    private static void auth(Flow f, long h, boolean ok) throws IOException {
        String flow = pick(h, 4, 4) == 0 ? "signup" : "login";
        f.event(AUTH + "Started", "flow", flow, null);
        int branch = ok ? -1 : pick(h, 40, 4);
        if (branch == 0) {
            return; // the browser never opened
        }
        if (branch == 1) {
            f.event(AUTH + "Browser Failed", "flow", flow, "browser_unavailable");
            return;
        }
        f.event(AUTH + "Browser Opened", "flow", flow, null);
        if (branch == 2) {
            return; // the callback never came
        }
        f.event(AUTH + "Callback Received", "flow", flow, null);
        if (ok) {
            f.event(AUTH + "Completed", "flow", flow, null);
        } else {
            f.event(AUTH + "Failed", "flow", flow, AUTH_ERRORS[pick(h, 12, AUTH_ERRORS.length)]);
        }
    }

    /** Started → Completed, or Failed, or Aborted at the prompt. */
    private static void create(Flow f, long h, boolean ok, String leaf) throws IOException {
        String name = "CLI Application Create ";
        f.event(name + "Started", "triggered_from", leaf, null);
        boolean aborted = pick(h, 20, ok ? 5 : 3) == 0;
        if (aborted) {
            f.event(name + "Aborted", "triggered_from", leaf, null);
        } else if (ok) {
            f.event(name + "Completed", "triggered_from", leaf, null);
        } else {
            f.event(name + "Failed", "triggered_from", leaf, CREATE_ERRORS[pick(h, 22, CREATE_ERRORS.length)]);
        }
    }

    /** Started → Accepted Terms → Completed; declined terms, failures and drop-offs at both steps. */
    private static void plan(Flow f, long h, boolean upgrade) throws IOException {
        String name = "CLI Application " + (upgrade ? "Upgrade " : "Downgrade ");
        String[] plans = upgrade ? UPGRADE_PLANS : DOWNGRADE_PLANS;
        String to = plans[pick(h, 32, plans.length)];
        f.event(name + "Started", "to_plan", to, null);
        int branch = pick(h, 36, 6);
        if (branch == 0) {
            f.event(name + "Declined Terms", "to_plan", to, null);
            return;
        }
        if (branch == 1) {
            return; // left at the terms prompt
        }
        f.event(name + "Accepted Terms", "to_plan", to, null);
        if (branch == 2) {
            f.event(name + "Failed", "to_plan", to, "payment_declined");
        } else if (branch != 3) { // 3: never confirmed
            f.event(name + "Completed", "to_plan", to, null);
        }
    }

    private static boolean creates(String leaf) {
        return leaf.equals("init") || leaf.equals("apply") || leaf.equals("push") || leaf.equals("deploy");
    }

    /** A number in [0, n) from bits of h at {@code shift}. */
    private static int pick(long h, int shift, int n) {
        return (int) Long.remainderUnsigned(h >>> shift, n);
    }

    /** SplitMix64's finalizer: well-mixed bits from an invocation index. */
    private static long mix(long x) {
        long z = x + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Where the next flow event of an invocation goes. */
    private static final class Flow {
        final SegmentWriter w;
        final ByteOut d;
        final Invocation v;
        final long start;
        final long step;
        int index;

        Flow(SegmentWriter w, ByteOut d, Invocation v, long start, long step, int index) {
            this.w = w;
            this.d = d;
            this.v = v;
            this.start = start;
            this.step = step;
            this.index = index;
        }

        void event(String name, String key, String value, String errorClass) throws IOException {
            w.beginFlow(d, v, name, start + step * index, index++);
            d.putAscii(",\"" + key + "\":\"" + value + "\"");
            if (errorClass != null) {
                d.putAscii(",\"error_class\":\"" + errorClass + "\",\"error_source\":\"cli\"");
            }
            w.close(d);
        }
    }
}
