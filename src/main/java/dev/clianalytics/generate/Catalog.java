package dev.clianalytics.generate;

/**
 * The tools and commands the simulated users run: their flags (some with secret-looking values),
 * failure rates, durations, error texts and release history. Everything here is a constant.
 */
final class Catalog {
    private Catalog() {}

    static final long DAY_MICROS = TimestampWriter.MICROS_PER_DAY;

    /** A release: from {@code day} (relative to the start of the simulated range) on, users may run it. */
    record Release(String version, int day, byte[] bytes) {
        Release(String version, int day) {
            this(version, day, ByteOut.ascii(version));
        }
    }

    static final class Tool {
        final String name;
        final byte[] nameBytes;
        final Release[] releases;
        Command login;
        Command logout;

        Tool(String name, Release... releases) {
            this.name = name;
            this.nameBytes = ByteOut.ascii(name);
            this.releases = releases;
        }

        /** The newest release out at {@code day}. */
        Release releaseAt(double day) {
            Release pick = releases[0];
            for (Release r : releases) {
                if (r.day <= day) {
                    pick = r;
                }
            }
            return pick;
        }
    }

    static final class Command {
        final Tool tool;
        final String leaf;
        final byte[] pathJson;          // ["kubectl","rollout","status"]
        final byte[] nativeToolAndPath; // ,"tool_name":"kubectl","command_path":[...]
        final byte[] dotted;            // rollout.status (PostHog command_name)
        final byte[] dottedWithTool;    // kubectl.rollout.status
        final byte[] spaced;            // rollout status (Segment properties.command)
        final byte[] spacedWithTool;    // kubectl rollout status
        final double failRate;
        final long minMs;
        final long maxMs;
        final Template[] flags;
        final Template[] errors;

        /** Whether this is its tool's login command. */
        boolean isLogin() {
            return tool.login == this;
        }

        Command(Tool tool, String sub, double failRate, long minMs, long maxMs, String[] flags, String... errors) {
            this.tool = tool;
            String[] parts = sub.split(" ");
            this.leaf = parts[parts.length - 1];
            StringBuilder json = new StringBuilder("[\"").append(tool.name).append('"');
            for (String p : parts) {
                json.append(",\"").append(p).append('"');
            }
            this.pathJson = ByteOut.ascii(json.append(']').toString());
            this.nativeToolAndPath = ByteOut.ascii(",\"tool_name\":\"" + tool.name + "\",\"command_path\":" + json);
            this.dotted = ByteOut.ascii(String.join(".", parts));
            this.dottedWithTool = ByteOut.ascii(tool.name + "." + String.join(".", parts));
            this.spaced = ByteOut.ascii(sub);
            this.spacedWithTool = ByteOut.ascii(tool.name + " " + sub);
            this.failRate = failRate;
            this.minMs = minMs;
            this.maxMs = maxMs;
            this.flags = templates(flags);
            this.errors = templates(errors);
        }

        private static Template[] templates(String[] texts) {
            Template[] t = new Template[texts.length];
            for (int i = 0; i < texts.length; i++) {
                t[i] = Template.of(texts[i]);
            }
            return t;
        }
    }

    private static String[] f(String... flags) {
        return flags;
    }

    // Release history: terraform 1.7.0 (day 8) carries a regression in apply, fixed by 1.7.1 (day 18):
    // apply fails REGRESSION_FACTOR times as often, the extra failures with REGRESSION_ERROR, so that
    // report versions flags 1.7.0 on the demo and report errors shows the text only in 1.7.0.
    static final Tool TERRAFORM = new Tool("terraform",
            new Release("1.6.6", -60), new Release("1.7.0", 8), new Release("1.7.1", 18));
    static final Tool DOCKER = new Tool("docker", new Release("25.0.3", -40), new Release("26.0.0", 12));
    static final Tool NPM = new Tool("npm", new Release("10.2.4", -90), new Release("10.5.0", 5), new Release("10.5.1", 20));
    static final Tool KUBECTL = new Tool("kubectl", new Release("1.28.4", -100), new Release("1.29.2", 14));
    static final Tool[] TOOLS = {TERRAFORM, DOCKER, NPM, KUBECTL};
    static final Release TERRAFORM_REGRESSION = TERRAFORM.releases[1];
    static final double REGRESSION_FACTOR = 3.5;
    static final Template REGRESSION_ERROR = Template.of(
            "Error: Provider produced an invalid new value for aws_instance.web: .tags_all: was null, but now cty.MapValEmpty");

    private static final String[] AUTH_ERRORS = {
        "Error: 401 Unauthorized: token expired for {EMAIL}",
        "Error: not logged in; run login first (credentials file {HOME}/.config/credentials.json not found)",
    };

    static final Command TF_INIT = new Command(TERRAFORM, "init", 0.06, 1_500, 25_000,
            f("-upgrade", "-reconfigure", "-input=false", "-backend-config={HOME}/backend.hcl"),
            "Error: Failed to get existing workspaces: AccessDenied for AWS_ACCESS_KEY_ID={AKIA}",
            "Error: Failed to query available provider packages: dial tcp {IP}:443: i/o timeout",
            "Error: Backend configuration changed in {HOME}/main.tf; run init -reconfigure");
    static final Command TF_VALIDATE = new Command(TERRAFORM, "validate", 0.10, 300, 4_000,
            f("-json", "-no-color"),
            "Error: Unsupported argument on {HOME}/modules/vpc/main.tf line {NUM}",
            "Error: Reference to undeclared input variable \"db_password\"",
            "Error: Invalid reference in {WINHOME}\\main.tf line {NUM}");
    static final Command TF_PLAN = new Command(TERRAFORM, "plan", 0.12, 4_000, 90_000,
            f("-out=tfplan", "-var-file={HOME}/secret.tfvars", "-var=db_password={PW}", "-refresh=false", "-lock-timeout=60s"),
            "Error: Error acquiring the state lock: ConditionalCheckFailedException, lock held by {EMAIL}",
            "Error: Failed to read variables file {HOME}/secret.tfvars: permission denied",
            "Error: error configuring S3 Backend: no valid credential sources found (key {AKIA})",
            "Error: GET https://{USER}:{PW}@{HOST}/api/v2/state?token={GHP} returned 403");
    static final Command TF_APPLY = new Command(TERRAFORM, "apply", 0.13, 15_000, 400_000,
            f("-auto-approve", "-var-file={HOME}/prod.tfvars", "-parallelism=20", "-input=false", "--token={GHP}"),
            "Error: creating RDS instance: InvalidParameterValue: password for {EMAIL} too weak",
            "Error: dial tcp {IP}:5432: connect: connection refused",
            "Error: Provider produced inconsistent result after apply (run {HEX64})",
            "Error: error waiting for EKS node group: ResourceInUseException, caller {AKIA}",
            "ConnectionRefusedError");
    static final Command TF_LOGIN = new Command(TERRAFORM, "login", 0.08, 3_000, 40_000, f(),
            "Error: failed to obtain token from app.terraform.io for {EMAIL}: invalid_grant");
    static final Command TF_LOGOUT = new Command(TERRAFORM, "logout", 0.0, 200, 1_500, f());

    static final Command DOCKER_LOGIN = new Command(DOCKER, "login", 0.08, 800, 6_000,
            f("--username={USER}", "--password-stdin", "--password={PW}"),
            "Error response from daemon: Get \"https://{HOST}/v2/\": unauthorized: incorrect username or password for {EMAIL}");
    static final Command DOCKER_LOGOUT = new Command(DOCKER, "logout", 0.0, 100, 900, f());
    static final Command DOCKER_BUILD = new Command(DOCKER, "build", 0.12, 8_000, 300_000,
            f("-t=registry.corp.example/app:latest", "--no-cache", "--build-arg=NPM_TOKEN={NPMTOKEN}", "--platform=linux/amd64",
                    "-f={HOME}/Dockerfile"),
            "failed to solve: failed to read dockerfile: open {HOME}/Dockerfile: no such file or directory",
            "failed to solve: process \"/bin/sh -c npm ci\" did not complete successfully: exit code: 1",
            "failed to fetch https://{USER}:{PW}@{HOST}/simple/requests/: 401",
            "ERROR: failed to solve: rpc error: code = Unknown desc = {GHP} is not authorized");
    static final Command DOCKER_PUSH = new Command(DOCKER, "push", 0.12, 4_000, 120_000,
            f("--all-tags", "-q", "--token={GHP}"),
            "denied: requested access to the resource is denied for {EMAIL}",
            "Get \"https://{HOST}/v2/\": dial tcp {IP}:443: i/o timeout",
            "unauthorized: authentication required (token {SK})");

    static final Command NPM_LOGIN = new Command(NPM, "login", 0.08, 4_000, 60_000,
            f("--registry=https://{USER}:{PW}@{HOST}/", "--scope=@corp", "--auth-type=web"),
            "npm ERR! code E401 Unable to authenticate {EMAIL} at https://{HOST}/");
    static final Command NPM_LOGOUT = new Command(NPM, "logout", 0.0, 300, 2_000, f());
    static final Command NPM_INSTALL = new Command(NPM, "install", 0.08, 3_000, 120_000,
            f("--save-dev", "--legacy-peer-deps", "--no-audit", "--prefer-offline", "--registry=https://{USER}:{PW}@{HOST}/"),
            "npm ERR! code EINTEGRITY sha512-{HEX64} integrity checksum failed",
            "npm ERR! 404 Not Found - GET https://{HOST}/@corp%2f{PROJ} - Not found",
            "npm ERR! network request to https://{HOST}/ failed, reason: connect ECONNREFUSED {IP}:443",
            "npm ERR! Cannot find module '{WINHOME}\\node_modules\\webpack'");
    static final Command NPM_TEST = new Command(NPM, "test", 0.18, 2_000, 240_000,
            f("--coverage", "--watch=false", "--runInBand", "--ci"),
            "Test failed: expected 200 but got 500 at {HOME}/src/api.test.js:{NUM}",
            "FAIL src/auth.test.ts: fixture user {EMAIL} not found",
            "Jest: a worker process has failed to exit gracefully",
            "TimeoutError: connect to postgres://app:{PW}@{IP}:5432/test timed out");
    static final Command NPM_BUILD = new Command(NPM, "run build", 0.10, 5_000, 90_000,
            f("--prod", "--if-present"),
            "ERROR in {HOME}/src/index.ts: TS2307: Cannot find module './config'",
            "Error: OPENAI_API_KEY={SK} must not be bundled into the client build",
            "JavaScript heap out of memory");
    static final Command NPM_PUBLISH = new Command(NPM, "publish", 0.15, 2_000, 20_000,
            f("--access=public", "--tag=next", "--otp={NUM}", "--dry-run", "--api-key={SK}"),
            "npm ERR! 403 Forbidden - PUT https://{HOST}/@corp%2f{PROJ} - you must be logged in as {EMAIL}",
            "npm ERR! code EOTP This operation requires a one-time password (token {NPMTOKEN})",
            "npm ERR! You cannot publish over the previously published versions");

    static final Command KUBECTL_APPLY = new Command(KUBECTL, "apply", 0.10, 700, 15_000,
            f("-f=k8s/", "--kubeconfig={HOME}/.kube/config", "--context=prod", "-n=payments", "--token={JWT}", "--server-side"),
            "error: You must be logged in to the server (Unauthorized) token={JWT}",
            "Unable to connect to the server: dial tcp {IP}:6443: i/o timeout",
            "Error from server (Forbidden): deployments.apps is forbidden: User \"{EMAIL}\" cannot patch resource",
            "error: error loading config file \"{HOME}/.kube/config\": permission denied");
    static final Command KUBECTL_ROLLOUT = new Command(KUBECTL, "rollout status", 0.15, 5_000, 180_000,
            f("--timeout=120s", "-n=payments", "--watch=true", "--context=prod"),
            "error: deployment \"web\" exceeded its progress deadline",
            "error: timed out waiting for the condition on pods in https://{IP}:6443",
            "Unable to connect to the server: x509: certificate signed by unknown authority ({HOST})");

    static {
        TERRAFORM.login = TF_LOGIN;
        TERRAFORM.logout = TF_LOGOUT;
        DOCKER.login = DOCKER_LOGIN;
        DOCKER.logout = DOCKER_LOGOUT;
        NPM.login = NPM_LOGIN;
        NPM.logout = NPM_LOGOUT;
    }

    /**
     * What a person does about an error before running the failed step again, so report errors has
     * recognisable fix paths: {@code before} (null: nothing) with only its flag {@code beforeFlag},
     * then the step with only its flag {@code retryFlag} (-1: no flag). A login fix needs a person who
     * is logged in already (expired credentials), so it never links an identity.
     */
    record Fix(Template error, Command before, int beforeFlag, int retryFlag) {}

    /** terraform 1.7.0's apply error: upgrade the provider (init -upgrade), apply again. */
    static final Fix UPGRADE_PROVIDER = new Fix(REGRESSION_ERROR, TF_INIT, 0, -1);
    /** docker push unauthorized: log in again (--password-stdin), push again. */
    static final Fix LOG_IN_AGAIN = new Fix(DOCKER_PUSH.errors[2], DOCKER_LOGIN, 1, -1);
    /** A Jest worker that does not exit: run the tests again in band (--runInBand). */
    static final Fix RUN_IN_BAND = new Fix(NPM_TEST.errors[2], null, -1, 2);
    static final Fix[] FIXES = {UPGRADE_PROVIDER, LOG_IN_AGAIN, RUN_IN_BAND};

    /** The fix for an error text, or null. */
    static Fix fixFor(Template error) {
        for (Fix f : FIXES) {
            if (f.error == error) {
                return f;
            }
        }
        return null;
    }

    /** Error texts of a step that fails because the user is not logged in (lazy login). */
    static final Template[] NOT_LOGGED_IN = {Template.of(AUTH_ERRORS[0]), Template.of(AUTH_ERRORS[1])};
    static final Template INTERRUPTED = Template.of("interrupted by user (SIGINT)");
    static final Template OOM_KILLED = Template.of("Killed: container exceeded its memory limit (137) on runner {IP}");
}
