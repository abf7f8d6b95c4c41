package org.crisis.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.OptionalDouble;
import org.crisis.scenario.Fields;
import org.crisis.scenario.Node;

/**
 * What sweeps and calibrations treat alike in an entry keyed by a dotted path ({@code vary:} of
 * a sweep file, {@code parameters:} of a calibration file): the readers' checks of the form of
 * the path and of the ends of a range, and how a manifest begins to describe the entry.
 */
final class DottedPaths {
    private DottedPaths() {}

    /** Whether a path such as {@code parameters.grievanceDecay} has no empty part: not blank, no dot at either end, no two in a row. */
    static boolean wellFormed(String path) {
        return !(path.isBlank() || path.startsWith(".") || path.endsWith(".") || path.contains(".."));
    }

    /**
     * Puts the fields that begin an entry's description in a manifest, in this order: its path,
     * its column in the result files and whether it takes whole numbers; returns {@code n}.
     */
    static ObjectNode describe(ObjectNode n, String path, String column, boolean integer) {
        n.put("path", path);
        n.put("column", column);
        n.put("integer", integer);
        return n;
    }

    /**
     * The required ends {@code min:} and {@code max:} of an entry's range: their nodes, where
     * problems with the range are reported, and their values (empty where a problem was).
     */
    record Range(Optional<Node> minNode, Optional<Node> maxNode, OptionalDouble min, OptionalDouble max) {
        /** Reads both ends of the range of the entry {@code m} at {@code where}, recording any problem. */
        static Range read(Fields f, Node.Mapping m, String where) {
            Optional<Node> minNode = f.required(m, where, "min", "the lowest value of the range");
            Optional<Node> maxNode = f.required(m, where, "max", "the highest value of the range");
            OptionalDouble min = minNode.map(n -> f.number(n, where + ".min", -Double.MAX_VALUE, Double.MAX_VALUE))
                    .orElse(OptionalDouble.empty());
            OptionalDouble max = maxNode.map(n -> f.number(n, where + ".max", -Double.MAX_VALUE, Double.MAX_VALUE))
                    .orElse(OptionalDouble.empty());
            return new Range(minNode, maxNode, min, max);
        }
    }
}
