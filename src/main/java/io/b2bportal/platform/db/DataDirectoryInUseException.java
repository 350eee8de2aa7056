package io.b2bportal.platform.db;

import java.nio.file.Path;

/** Another portal process already runs the embedded database on this data directory. */
public class DataDirectoryInUseException extends IllegalStateException {

    DataDirectoryInUseException(Path dataDirectory, Path lockFile) {
        super("""
                The database directory %s is in use by another running portal (it holds %s).
                Stop that portal first, or start this one on another directory with PORTAL_DATA_DIR=/some/other/dir, \
                or point it at an external PostgreSQL with SPRING_DATASOURCE_URL."""
                .formatted(dataDirectory, lockFile));
    }
}
