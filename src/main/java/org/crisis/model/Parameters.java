package org.crisis.model;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * An immutable assignment of a value to every {@link Parameter}; the defaults unless
 * overridden. Build with {@link #defaults()} and {@link #with(Parameter, double)}.
 */
public final class Parameters {
    private static final Parameters DEFAULTS = new Parameters(
            Arrays.stream(Parameter.values()).mapToDouble(Parameter::defaultValue).toArray());

    private final double[] values;

    private Parameters(double[] values) {
        this.values = values;
    }

    public static Parameters defaults() {
        return DEFAULTS;
    }

    public Parameters with(Parameter p, double value) {
        double[] copy = values.clone();
        copy[p.ordinal()] = value;
        return new Parameters(copy);
    }

    public double get(Parameter p) {
        return values[p.ordinal()];
    }

    public boolean on(Parameter p) {
        return values[p.ordinal()] != 0;
    }

    /** Every parameter with its value, in declaration order. */
    public Map<Parameter, Double> asMap() {
        Map<Parameter, Double> map = new EnumMap<>(Parameter.class);
        for (Parameter p : Parameter.values()) {
            map.put(p, values[p.ordinal()]);
        }
        return map;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Parameters other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }
}
