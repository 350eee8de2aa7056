package io.b2bportal.platform;

import java.util.concurrent.Executor;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads that run module listeners after commit (PDFs of new documents, advances applied to new invoices, credit
 * reviews, CRM later): a fixed number of them, {@code portal.async.threads} (8), with a queue in front. With virtual
 * threads on, Spring's default would start one thread per event; at a hundred orders a second those threads all wait
 * for the 20 database connections and time out, taking connections from checkouts. Queued events are also in the
 * event publication registry, so none is lost if the node stops before it ran.
 */
@Configuration(proxyBeanMethods = false)
class AsyncConfiguration implements AsyncConfigurer, DisposableBean {

    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    private final int threads;

    AsyncConfiguration(@Value("${portal.async.threads:8}") int threads) {
        this.threads = threads;
    }

    @Override
    public Executor getAsyncExecutor() {
        executor.setThreadNamePrefix("after-commit-");
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(30);
        executor.initialize();
        return executor;
    }

    /** Lets queued work finish (up to 30 seconds) when the application stops. */
    @Override
    public void destroy() {
        executor.shutdown();
    }
}
