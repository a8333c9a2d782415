package dev.clianalytics.cli;

import dev.clianalytics.OwnResources;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version is written in one place, pom.xml, and reaches us through a filtered resource. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"cli-analytics " + version()};
    }

    static String version() {
        byte[] bytes = OwnResources.read("cli-analytics-version.properties");
        Properties props = new Properties();
        if (bytes != null) {
            try {
                props.load(new ByteArrayInputStream(bytes));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return props.getProperty("version", "development build");
    }
}
