package dev.clianalytics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * Reads the build's own resources (SQL, the version) straight from its jar, or from its classes
 * directory when run from the build tree. The class loader would first look for each name in
 * every module of the JDK (findMiscResource), a noticeable part of a short command's start-up
 * (docs/startup.md). A name not found there is looked up through the class loader as before.
 */
public final class OwnResources {
    private OwnResources() {}

    /** The jar or directory this class came from, or null when unknown. */
    private static final class Home {
        static final Path PATH = path();
        static final JarFile JAR = jar();

        private static Path path() {
            try {
                CodeSource source = OwnResources.class.getProtectionDomain().getCodeSource();
                return source == null ? null : Path.of(source.getLocation().toURI());
            } catch (URISyntaxException | RuntimeException e) {
                return null;
            }
        }

        private static JarFile jar() {
            try {
                return PATH != null && Files.isRegularFile(PATH) ? new JarFile(PATH.toFile(), false) : null;
            } catch (IOException e) {
                return null;
            }
        }
    }

    /** The bytes of a resource such as {@code sql/marts/sessions.sql}, or null when there is none. */
    public static byte[] read(String path) {
        try {
            if (Home.JAR != null) {
                ZipEntry entry = Home.JAR.getEntry(path);
                if (entry != null && !entry.isDirectory()) {
                    try (InputStream in = Home.JAR.getInputStream(entry)) {
                        return in.readAllBytes();
                    }
                }
            } else if (Home.PATH != null && Files.isDirectory(Home.PATH)) {
                try {
                    return Files.readAllBytes(Home.PATH.resolve(path));
                } catch (NoSuchFileException | UnsupportedOperationException e) {
                    // not ours: the class loader may still have it
                }
            }
            try (InputStream in = OwnResources.class.getClassLoader().getResourceAsStream(path)) {
                return in == null ? null : in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + path, e);
        }
    }
}
