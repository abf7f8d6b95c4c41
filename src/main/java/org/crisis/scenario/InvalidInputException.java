package org.crisis.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every problem found in an input file, reported together: in the order of the files they were
 * found in, and within a file by line and column, so that a reader can work down the file. Problems
 * with no position come first in their file, in the order they were found.
 */
public final class InvalidInputException extends Exception {
    private final List<Problem> problems;

    public InvalidInputException(List<Problem> problems) {
        this(inFileOrder(problems), true);
    }

    private InvalidInputException(List<Problem> sorted, boolean unused) {
        super(sorted.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = sorted;
    }

    /** The problems by file (in the order first seen), then line and column; a stable sort. */
    static List<Problem> inFileOrder(List<Problem> problems) {
        Map<String, Integer> fileOrder = new HashMap<>();
        for (Problem p : problems) {
            fileOrder.putIfAbsent(p.source(), fileOrder.size());
        }
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.<Problem>comparingInt(p -> fileOrder.get(p.source()))
                .thenComparingInt(Problem::line)
                .thenComparingInt(Problem::column));
        return List.copyOf(sorted);
    }

    public static InvalidInputException of(String source, String message) {
        return new InvalidInputException(List.of(new Problem(source, 0, 0, "", message)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
