package io.b2bportal.platform;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends openhtmltopdf's log to SLF4J. Left alone it writes straight to stderr, past our log format and
 * request ids, and says "using fast mode" at INFO on every document; here its INFO is our DEBUG, while
 * its warnings (a CSS rule it ignored, a resource it refused) stay warnings.
 */
class PdfLibraryLog implements XRLogger {

    @Override
    public void log(String where, Level level, String msg) {
        log(where, level, msg, null);
    }

    @Override
    public void log(String where, Level level, String msg, Throwable th) {
        Logger logger = LoggerFactory.getLogger(where);
        int severity = level.intValue();
        if (severity >= Level.SEVERE.intValue()) {
            logger.error(msg, th);
        } else if (severity >= Level.WARNING.intValue()) {
            logger.warn(msg, th);
        } else if (severity >= Level.INFO.intValue()) {
            logger.debug(msg, th);
        } else {
            logger.trace(msg, th);
        }
    }

    @Override
    public void setLevel(String logger, Level level) {
        // levels are set in the logging configuration, as for every other logger
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        Logger logger = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
        int severity = diagnostic.getLevel().intValue();
        return severity >= Level.WARNING.intValue() ? logger.isWarnEnabled()
                : severity >= Level.INFO.intValue() ? logger.isDebugEnabled()
                : logger.isTraceEnabled();
    }
}
