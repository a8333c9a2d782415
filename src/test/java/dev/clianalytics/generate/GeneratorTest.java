package dev.clianalytics.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clianalytics.generate.ContractReader.Event;
import dev.clianalytics.generate.GenerateSettings.OutputFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GeneratorTest {
    static final int N = 20_000;
    static Generated big;
    static List<Event> events;

    @BeforeAll
    static void generateOnce() throws Exception {
        big = Generated.of(GenerateSettings.DEFAULT_SEED, N, OutputFormat.NATIVE);
        events = ContractReader.read("native", big.text()).events;
    }

    @Test
    void theSameSeedGivesByteIdenticalOutputInEveryFormat() {
        for (OutputFormat format : OutputFormat.values()) {
            assertThat(Generated.of(9, 3_000, 0.02, format).text()).as(format.name())
                    .isEqualTo(Generated.of(9, 3_000, 0.02, format).text());
        }
    }

    @Test
    void aDifferentSeedGivesDifferentOutput() {
        assertThat(Generated.of(1, 500, OutputFormat.NATIVE).text()).isNotEqualTo(Generated.of(2, 500, OutputFormat.NATIVE).text());
    }

    @Test
    void writesExactlyTheAskedNumberOfLinesAndNothingForZero() {
        assertThat(big.lines()).hasSize(N);
        assertThat(big.summary().lines()).isEqualTo(N);
        assertThat(Generated.of(1, 0, OutputFormat.NATIVE).text()).isEmpty();
        assertThat(Generated.of(1, 1, OutputFormat.NATIVE).lines()).hasSize(1);
    }

    @Test
    void smallCountsAreExactForEverySeed() {
        for (long seed = 0; seed < 40; seed++) {
            for (int n : new int[] {1, 2, 3, 4, 5, 7, 13}) {
                assertThat(Generated.of(seed, n, OutputFormat.NATIVE).lines()).as("seed %d, %d events", seed, n).hasSize(n);
            }
        }
    }

    @Test
    void everyLineIsAValidNativeEventWhenNoBadLinesAreAsked() {
        assertThat(big.lines()).allSatisfy(line -> assertThat(LineClassifier.classify(line)).as(line).isEqualTo(LineClassifier.OK));
    }

    @Test
    void everyCommandOfTheSpecMixAppearsAndEachToolHasAFairShare() {
        Set<String> paths = events.stream().map(e -> String.join(" ", e.path())).collect(Collectors.toSet());
        assertThat(paths).contains("terraform init", "terraform validate", "terraform plan", "terraform apply",
                "docker build", "docker push", "npm install", "npm test", "npm run build", "npm publish",
                "kubectl apply", "kubectl rollout status", "docker login", "npm login", "terraform login");
        Map<String, Long> byTool = events.stream().collect(Collectors.groupingBy(Event::tool, Collectors.counting()));
        assertThat(byTool.values()).allSatisfy(count -> assertThat(count).isGreaterThan(N / 10));
    }

    @Test
    void ciRunnersMakeAboutAThirdOfTheEventsEachWithASessionHint() {
        long ci = events.stream().filter(Event::ci).count();
        assertThat((double) ci / N).isBetween(0.25, 0.42);
        assertThat(events.stream().filter(Event::ci)).allSatisfy(e -> assertThat(e.sessionHint()).isNotNull());
        assertThat(events.stream().filter(e -> !e.ci())).allSatisfy(e -> assertThat(e.sessionHint()).isNull());
        long runs = events.stream().filter(Event::ci).map(Event::sessionHint).distinct().count();
        assertThat(runs).isGreaterThan(ci / 8);
    }

    @Test
    void riskyStepsFailAboutFifteenPercentOfTheTime() {
        Set<String> risky = Set.of("apply", "plan", "push", "publish", "test", "build", "status");
        List<Event> riskyEvents = events.stream().filter(e -> risky.contains(e.path().get(e.path().size() - 1))).toList();
        double failed = riskyEvents.stream().filter(e -> e.exitCode() != 0).count() / (double) riskyEvents.size();
        assertThat(failed).isBetween(0.11, 0.20);
        assertThat(events.stream().map(Event::exitCode).collect(Collectors.toSet())).contains(0, 1, 2, 130, 137);
    }

    private static final Set<List<String>> FIX_STEPS = Set.of(List.of("terraform", "init"), List.of("docker", "login"));

    @Test
    void failedStepsAreRetriedMinutesLaterOnTheSameMachine() {
        Map<String, Event> last = new HashMap<>();
        Map<String, Event> lastButOne = new HashMap<>();
        int retries = 0;
        for (Event e : events) {
            Event before = last.put(e.machine(), e);
            Event failed = before;
            if (before != null && before.exitCode() == 0 && FIX_STEPS.contains(before.path())) {
                failed = lastButOne.get(e.machine()); // a fix (init -upgrade, login) between failure and retry
            }
            if (before != null) {
                lastButOne.put(e.machine(), before);
            }
            if (failed != null && !e.ci() && failed.exitCode() != 0 && failed.path().equals(e.path())) {
                Duration gap = Duration.between(failed.ts().plusMillis(failed.durationMs()), e.ts());
                Duration most = Duration.ofMinutes(failed == before ? 15 : 40); // a fix adds its step and a pause
                if (gap.compareTo(Duration.ofMinutes(2)) >= 0 && gap.compareTo(most) <= 0) {
                    retries++;
                }
            }
        }
        // Every retry shows as the same command 2-15 minutes after a failure, or after a failure and its
        // fix (a new episode rarely does too).
        long simulated = big.summary().retries();
        assertThat(simulated).isGreaterThan(N / 100);
        assertThat(retries).isBetween((int) simulated, (int) (simulated * 1.2));
    }

    @Test
    void aboutOneEpisodeInSevenIsAbandonedAfterOneOrTwoSteps() {
        Generator.Summary s = big.summary();
        assertThat((double) s.abandoned() / s.humanEpisodes()).isBetween(0.07, 0.16);
        assertThat(s.ciRuns()).isGreaterThan(s.humanEpisodes() / 5);
        assertThat(s.ciReruns()).isPositive();
        assertThat(s.logins()).isPositive();
        assertThat(s.lazyLogins()).isPositive();
        assertThat(s.logouts()).isPositive();
    }

    @Test
    void eventsOfOneMachineNeverShareATimestampOrOverlap() {
        Map<String, Event> last = new HashMap<>();
        for (Event e : events) {
            Event before = last.put(e.machine(), e);
            if (before != null) {
                assertThat(e.ts()).as("%s then %s", before, e).isAfterOrEqualTo(before.ts().plusMillis(before.durationMs() + 1000));
            }
        }
    }

    @Test
    void flagsCountZeroToThreeAndSomeCarrySecretLookingValues() {
        assertThat(events).allSatisfy(e -> assertThat(e.flags().size()).isBetween(0, 3));
        List<String> flags = events.stream().flatMap(e -> e.flags().stream()).toList();
        assertThat(flags).anyMatch(f -> f.startsWith("--token="))
                .anyMatch(f -> f.startsWith("--api-key="))
                .anyMatch(f -> f.startsWith("-var-file=/home/") || f.startsWith("-var-file=/Users/"))
                .anyMatch(f -> f.startsWith("--registry=https://") && f.contains("@"))
                .anyMatch(f -> f.equals("-auto-approve"));
    }

    @Test
    void errorTextsHoldPathsEmailsTokensUrlsAndIps() {
        List<String> errors = events.stream().map(Event::errorType).filter(e -> e != null).toList();
        assertThat(errors).anyMatch(e -> e.matches(".*/home/[a-z0-9]+/.*"))
                .anyMatch(e -> e.contains("C:\\Users\\"))
                .anyMatch(e -> e.matches(".*[a-z0-9]+@[a-z.]+\\.com.*"))
                .anyMatch(e -> e.matches(".*ghp_[A-Za-z0-9]{36}.*"))
                .anyMatch(e -> e.matches(".*sk-[A-Za-z0-9-]{40,}.*"))
                .anyMatch(e -> e.matches(".*AKIA[A-Z0-9]{16}.*"))
                .anyMatch(e -> e.matches(".*eyJ[A-Za-z0-9_-]+\\.eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+.*"))
                .anyMatch(e -> e.matches(".*https://[a-z0-9]+:[A-Za-z0-9]+@.*"))
                .anyMatch(e -> e.matches(".*\\b\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\b.*"))
                .anyMatch(e -> e.equals("ConnectionRefusedError"));
        assertThat(errors).noneMatch(e -> e.matches(".*\\d+\\.\\d+\\.\\d+\\.\\d+\\.\\d+.*"));
    }

    @Test
    void mostTimestampsAreUtcWithZAndSomeCarryAnOffsetOrMicroseconds() {
        List<String> stamps = big.lines().stream()
                .map(l -> l.substring(l.indexOf("\"timestamp\":\"") + 13, l.indexOf('"', l.indexOf("\"timestamp\":\"") + 13)))
                .toList();
        long z = stamps.stream().filter(s -> s.endsWith("Z")).count();
        assertThat((double) z / N).isBetween(0.55, 0.85);
        assertThat(stamps).anyMatch(s -> s.endsWith("+02:00")).anyMatch(s -> s.endsWith("-05:00"))
                .anyMatch(s -> s.matches(".*\\.\\d{6}Z")).anyMatch(s -> s.matches(".*T\\d\\d:\\d\\d:\\d\\d\\.\\d{3}"));
        Instant first = events.stream().map(Event::ts).min(Instant::compareTo).orElseThrow();
        Instant lastTs = events.stream().map(Event::ts).max(Instant::compareTo).orElseThrow();
        assertThat(first).isAfter(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(lastTs).isBefore(Instant.parse("2026-04-02T00:00:00Z"));
    }

    @Test
    void someEventsCarryEventIdsOthersSequencesAndUnknownFields() {
        long ids = big.lines().stream().filter(l -> l.contains("\"event_id\":")).count();
        long sequences = events.stream().filter(e -> e.sequence() != null).count();
        long unknown = big.lines().stream().filter(l -> l.contains("\"os_type\":")).count();
        assertThat((double) ids / N).isBetween(0.25, 0.55);
        assertThat((double) sequences / N).isBetween(0.35, 0.75);
        assertThat((double) unknown / N).isBetween(0.03, 0.2);
        assertThat(big.lines().stream().filter(l -> l.contains("\"event_id\":"))
                .map(l -> l.substring(l.indexOf("\"event_id\":"), l.indexOf("\"event_id\":") + 50)).distinct().count())
                .isEqualTo(ids);
    }

    @Test
    void toolVersionsChangeOverTheMonthAndTheTerraformRegressionShows() {
        Map<String, Set<String>> versions = new TreeMap<>();
        events.forEach(e -> versions.computeIfAbsent(e.tool(), t -> new TreeSet<>()).add(e.version()));
        assertThat(versions.values()).allSatisfy(v -> assertThat(v.size()).isGreaterThanOrEqualTo(2));
        Instant release = Instant.parse("2026-03-10T00:00:00Z");
        assertThat(events).filteredOn(e -> "1.7.0".equals(e.version())).allSatisfy(e -> assertThat(e.ts()).isAfter(release));
        double bad = applyFailureRate("1.7.0");
        double good = applyFailureRate("1.6.6");
        assertThat(bad).isGreaterThan(good * 2.5);
        // the failures it adds say so, and only in 1.7.0
        assertThat(events).filteredOn(e -> e.errorType() != null && e.errorType().startsWith("Error: Provider produced an invalid new value"))
                .isNotEmpty().allSatisfy(e -> assertThat(e.version()).isEqualTo("1.7.0"));
    }

    @Test
    void errorsWithAKnownFixAreFollowedByIt() {
        // the event after a failure with the error, on the same machine (people only)
        Map<String, Event> last = new HashMap<>();
        Map<String, Map<String, Long>> next = new TreeMap<>();
        for (Event e : events) {
            Event before = last.put(e.machine(), e);
            if (before != null && !e.ci() && before.exitCode() != 0 && before.errorType() != null) {
                String key = before.errorType().startsWith("Error: Provider produced an invalid new value") ? "regression"
                        : before.errorType().startsWith("Jest: a worker") ? "jest" : null;
                if (key != null) {
                    next.computeIfAbsent(key, k -> new TreeMap<>()).merge(String.join(" ", e.path()) + e.flags(), 1L, Long::sum);
                }
            }
        }
        // most people upgrade the provider after the regression's error, and run Jest in band after its
        assertThat(top(next.get("regression"))).isEqualTo("terraform init[-upgrade]");
        assertThat(top(next.get("jest"))).isEqualTo("npm test[--runInBand]");
        assertThat(events).anySatisfy(e -> assertThat(String.join(" ", e.path()) + e.flags()).isEqualTo("docker login[--password-stdin]"));
    }

    private static String top(Map<String, Long> counts) {
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private static double applyFailureRate(String version) {
        List<Event> applies = events.stream()
                .filter(e -> e.path().equals(List.of("terraform", "apply")) && version.equals(e.version())).toList();
        return applies.stream().filter(e -> e.exitCode() != 0).count() / (double) applies.size();
    }

    @Test
    void humansWithTwoMachinesAndAnonymousUsersExist() {
        Map<String, Set<String>> machinesByActor = new HashMap<>();
        events.stream().filter(e -> !e.ci()).forEach(e -> machinesByActor.computeIfAbsent(e.actor(), a -> new TreeSet<>()).add(e.machine()));
        assertThat(machinesByActor.values()).anyMatch(m -> m.size() == 2);
        assertThat(machinesByActor.keySet()).anyMatch(a -> a.startsWith("usr_")).anyMatch(a -> a.matches("[0-9a-f-]{36}"));
    }
}
