package org.iskra.testsupport;

import java.lang.annotation.Annotation;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Runs the test classes grouped by the application they share (see {@link IskraIntegrationTest}): the classes without
 * one first, then each application's classes one after the other, so that Spring switches between its cached
 * applications (pausing one, resuming another) a handful of times instead of at nearly every class, and a class that
 * spoils its application ({@link DirtiesContext}) comes last in its group, when no other class needs it any more.
 * Only the speed depends on this order: every class passes in any order.
 */
public final class ByApplication implements ClassOrderer {

    private static final List<Class<? extends Annotation>> APPLICATIONS = List.of(IskraIntegrationTest.class,
            EmptyIskraTest.class, StrictLimitsIskraTest.class, OutboxIskraTest.class);

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparingInt(ByApplication::application)
                .thenComparing(descriptor -> descriptor.isAnnotated(DirtiesContext.class))
                .thenComparing(descriptor -> descriptor.getTestClass().getName()));
    }

    private static int application(ClassDescriptor descriptor) {
        MergedAnnotations annotations = MergedAnnotations.from(descriptor.getTestClass(),
                MergedAnnotations.SearchStrategy.TYPE_HIERARCHY);
        for (int i = 0; i < APPLICATIONS.size(); i++) {
            if (annotations.isPresent(APPLICATIONS.get(i))) {
                return i + 1;
            }
        }
        return 0;
    }
}
