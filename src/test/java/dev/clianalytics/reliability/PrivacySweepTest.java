package dev.clianalytics.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivacySweepTest {
    @TempDir
    Path dir;

    @Test
    void noPlantedSecretOrRawIdIsInTheDatabaseWalExportsOrOutputAfterEveryCommand() throws Exception {
        assertThat(PrivacySweep.run(dir, new Random(3), 200)).isEmpty();
    }
}
