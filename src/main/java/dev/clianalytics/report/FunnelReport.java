package dev.clianalytics.report;

import java.util.List;

/**
 * One funnel in depth (report funnel NAME, docs/funnels.md): totals of its attempts in scope, each
 * step, the breakdown by a value of the first step's event, the failure classes and what people
 * ran after an attempt that did not complete.
 *
 * @param by what the breakdown is by: a property, version or ci; null for none
 */
public record FunnelReport(String name, long windowMs, String by, long attempts, long completed, long failed,
        List<Step> steps, List<Group> breakdown, List<FailureClass> failureClasses, List<Command> afterDropOff,
        InferInfo infer, ReportFilter filter) {
    public record Step(long step, String name, long reached, long distinctActors, Long medianMsFromPrevious,
            Long p90MsFromPrevious) {}

    public record Group(String value, long attempts, long completed, long failed) {}

    public record FailureClass(String errorClass, long failedAttempts) {}

    public record Command(String command, long attempts) {}

    /** One line of report funnel: a funnel and its totals in scope. */
    public record Listed(String name, long steps, long windowMs, long attempts, long completed, long failed) {}

    /** How many commands after_drop_off lists. */
    public static final int AFTER_DROP_OFF = 5;
}
