package io.configspec.model.pareto;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A randomised front test run once with two objectives and once with three (its {@code int d}). */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0} objectives")
@ValueSource(ints = { 2, 3 })
@interface TwoAndThreeObjectives {}
