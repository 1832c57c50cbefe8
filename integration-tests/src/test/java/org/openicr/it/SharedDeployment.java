package org.openicr.it;

import org.jboss.arquillian.container.spi.Container;
import org.jboss.arquillian.container.spi.client.deployment.Deployment;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentDescription;
import org.jboss.arquillian.container.spi.event.DeployDeployment;
import org.jboss.arquillian.container.spi.event.StopContainer;
import org.jboss.arquillian.container.spi.event.UnDeployDeployment;
import org.jboss.arquillian.core.api.Event;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * One deployment of the application for every test class that deploys it unchanged (decision-log,
 * "Session 14, one deployment for the black-box tests"). Most classes are black-box tests
 * ({@code @Deployment(testable = false)} of {@link TestEnvironment#ear()}): the same EAR each time,
 * redeployed for each class at about 10 s of the server's CPU. This extension deploys it for the first
 * such class, leaves it deployed after that class, and skips the deployment for the next ones while it
 * is still there. A class that deploys anything else under the application's name (DirectoryIT and
 * FederatedSignInIT add their own classes and run inside the server) has it undeployed first, and the
 * next black-box class deploys it again. When the tests end it is undeployed, as before (a kept test
 * domain is left without it). {@code -Dicr.shared.deployment=false} gives every class its own deployment
 * again.
 *
 * <p>What the application keeps in memory (caches, the sign-in throttle's counters) is therefore carried
 * from one black-box class to the next, as it is on a live server; a test must not depend on a freshly
 * started application.
 */
public class SharedDeployment implements LoadableExtension {

    /** The application's archive name (TestEnvironment.ear()). */
    static final String APPLICATION = "openicr.ear";

    /** The unchanged application's deployment while it is deployed, and its container (one test JVM). */
    private static Deployment shared;

    private static Container container;

    @Override
    public void register(ExtensionBuilder builder) {
        if (Boolean.parseBoolean(System.getProperty("icr.shared.deployment", "true"))) {
            builder.observer(Observer.class);
        }
    }

    /** Decides, before Arquillian's own controller, whether a deployment or undeployment happens. */
    public static class Observer {

        @Inject
        private Event<UnDeployDeployment> undeployment;

        public void deploy(@Observes(precedence = 100) EventContext<DeployDeployment> context) {
            Deployment deployment = context.getEvent().getDeployment();
            if (shareable(deployment.getDescription())) {
                if (shared != null) {
                    return; // deployed by an earlier class and still there: nothing to do
                }
                context.proceed();
                if (deployment.isDeployed() && !deployment.hasDeploymentError()) {
                    shared = deployment;
                    container = context.getEvent().getContainer();
                }
                return;
            }
            if (sameName(deployment.getDescription())) {
                undeployShared(); // another archive under the application's name: the server refuses both
            }
            context.proceed();
        }

        public void undeploy(@Observes(precedence = 100) EventContext<UnDeployDeployment> context) {
            if (shared != null && shareable(context.getEvent().getDeployment().getDescription())) {
                return; // left deployed for the next black-box class
            }
            context.proceed();
        }

        public void stop(@Observes(precedence = 100) EventContext<StopContainer> context) {
            undeployShared();
            context.proceed();
        }

        private void undeployShared() {
            if (shared != null) {
                Deployment deployment = shared;
                shared = null; // so that this undeployment proceeds
                undeployment.fire(new UnDeployDeployment(container, deployment));
            }
        }

        private static boolean shareable(DeploymentDescription description) {
            return sameName(description) && !description.testable();
        }

        private static boolean sameName(DeploymentDescription description) {
            return description.isArchiveDeployment()
                    && APPLICATION.equals(description.getArchive().getName());
        }
    }
}
