package org.crisis.scenario;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in an input file, reported together. */
public final class InvalidInputException extends Exception {
    private final List<Problem> problems;

    public InvalidInputException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public static InvalidInputException of(String source, String message) {
        return new InvalidInputException(List.of(new Problem(source, 0, 0, "", message)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
