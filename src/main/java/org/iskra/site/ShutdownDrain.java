package org.iskra.site;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The first thing a stopping node does: report itself not ready ({@code /actuator/health/readiness} answers 503)
 * and keep serving for {@code iskra.shutdown-drain}, so that a load balancer checking readiness stops sending it
 * requests before the web server stops taking them. Only then does Spring's graceful shutdown begin, which lets
 * the requests in flight finish. Without the pause, requests that the balancer sends during its next health checks
 * would find a server that no longer answers.
 */
@Component
@ConditionalOnWebApplication
class ShutdownDrain implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);

    private final ApplicationEventPublisher events;
    private final Duration drain;
    private volatile boolean running;
    private volatile boolean stoppedBefore;

    ShutdownDrain(ApplicationEventPublisher events, @Value("${iskra.shutdown-drain:0s}") Duration drain) {
        this.events = events;
        this.drain = drain;
    }

    @Override
    public void start() {
        running = true;
        // A context stopped and started again (Spring's test context cache pauses the contexts it is not using)
        // serves again, so it says so. At the first start Spring Boot reports readiness itself, once the
        // application is ready, which is later than this.
        if (stoppedBefore) {
            AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
        }
    }

    @Override
    public void stop() {
        running = false;
        stoppedBefore = true;
        AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
        if (drain.isZero() || drain.isNegative()) {
            return;
        }
        log.info("Not ready any more; serving {} s longer while the load balancer notices", drain.toMillis() / 1000.0);
        try {
            Thread.sleep(drain.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stopped before every other lifecycle, the web server's graceful shutdown among them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
