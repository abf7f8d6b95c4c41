package org.crisis.discover;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.special.Beta;

/**
 * Friedman and Fisher's (1999) patient rule induction method (PRIM) for scenario discovery, as
 * the EMA Workbench uses it: starting from the box that holds every case, peel off a share
 * {@code alpha} of the cases in the box along one side of one input at a time (or one category
 * of a categorical input), always the peel that raises the density of cases of interest most,
 * until no peel raises it or every peel would leave the box with less than the minimum support.
 * The boxes met on the way form the peeling trajectory, which trades coverage against density.
 *
 * <p>Cases carry a weight and a count of cases of interest ({@code hits}, at most the weight):
 * a case is one run (weight 1, hits 0 or 1), one point of a design (weight 1), or all the runs
 * of a point (weight the runs, hits those with the outcome). Peeling never separates runs of
 * one point, so the last two give the same boxes as the runs taken one by one.
 *
 * <p>Definitions, with W the weight and H the hits of the cases in a box, over those of all
 * cases: mass W/W_all, coverage H/H_all, density H/W. A numeric limit is always a value of
 * the data: the box holds the cases with {@code lower <= x <= upper}.
 *
 * <pre>{@code
 * Prim prim = new Prim(List.of(Prim.Dimension.numeric("x1", x1), Prim.Dimension.numeric("x2", x2)),
 *         weights, hits, Prim.Options.DEFAULT);
 * List<Prim.Step> trajectory = prim.peel();
 * Prim.Step knee = trajectory.get(Prim.knee(trajectory));
 * List<Prim.Limit> limits = prim.limits(knee.box());   // with their quasi-p-values
 * }</pre>
 *
 * Depends on no other part of crisis: inputs are plain arrays.
 */
public final class Prim {
    /** How a candidate peel or paste is scored. */
    public enum Objective {
        /** Friedman and Fisher's: the density of the box after the peel (the largest wins). */
        ORIGINAL,
        /**
         * The EMA Workbench's default: the gain in density per share of cases removed, which
         * prefers peels that remove little (a small category over a large one).
         */
        LENIENT1
    }

    /**
     * @param peelAlpha share of the box's cases a peel removes (at least the cases that share
     *     the extreme value), in (0, 0.5)
     * @param minSupport smallest mass of a box on the trajectory, in (0, 1)
     * @param objective how peels are scored
     */
    public record Options(double peelAlpha, double minSupport, Objective objective) {
        public static final Options DEFAULT = new Options(0.05, 0.05, Objective.ORIGINAL);

        public Options {
            if (!(peelAlpha > 0 && peelAlpha < 0.5)) {
                throw new IllegalArgumentException("peel share must be in (0, 0.5), found " + peelAlpha);
            }
            if (!(minSupport > 0 && minSupport < 1)) {
                throw new IllegalArgumentException("minimum support must be in (0, 1), found " + minSupport);
            }
            Objects.requireNonNull(objective);
        }
    }

    /** One input: numbers (ordered) or categories. */
    public static final class Dimension {
        private final String name;
        private final double[] numbers;
        private final int[] category;
        private final List<String> labels;

        private Dimension(String name, double[] numbers, int[] category, List<String> labels) {
            this.name = name;
            this.numbers = numbers;
            this.category = category;
            this.labels = labels;
        }

        /** A numeric input; values must be finite. */
        public static Dimension numeric(String name, double[] values) {
            for (double v : values) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(name + ": values must be finite numbers, found " + v);
                }
            }
            return new Dimension(name, values.clone(), null, null);
        }

        /** A categorical input; categories are listed in order of first appearance. */
        public static Dimension categorical(String name, String[] values) {
            List<String> labels = new ArrayList<>();
            int[] category = new int[values.length];
            for (int i = 0; i < values.length; i++) {
                int k = labels.indexOf(values[i]);
                if (k < 0) {
                    k = labels.size();
                    labels.add(values[i]);
                }
                category[i] = k;
            }
            return new Dimension(name, null, category, List.copyOf(labels));
        }

        public String name() {
            return name;
        }

        public boolean isNumeric() {
            return numbers != null;
        }

        /** The categories of a categorical input (empty for a numeric one). */
        public List<String> categories() {
            return labels == null ? List.of() : labels;
        }

        int size() {
            return numbers != null ? numbers.length : category.length;
        }

        /** The value of case {@code i} as a number: the value, or the category's index. */
        public double value(int i) {
            return numbers != null ? numbers[i] : category[i];
        }

        /** The value of case {@code i} as written: the number, or the category's label. */
        public String text(int i) {
            return numbers != null ? Double.toString(numbers[i]) : labels.get(category[i]);
        }
    }

    /**
     * A box: per numeric input a closed interval [lower, upper], per categorical input the set
     * of categories it holds ({@code in[d]}; null for numeric inputs).
     */
    public record Box(double[] lower, double[] upper, boolean[][] in) {
        public Box {
            lower = lower.clone();
            upper = upper.clone();
            in = copy(in);
        }

        private static boolean[][] copy(boolean[][] in) {
            boolean[][] c = new boolean[in.length][];
            for (int i = 0; i < in.length; i++) {
                c[i] = in[i] == null ? null : in[i].clone();
            }
            return c;
        }

        @Override
        public double[] lower() {
            return lower.clone();
        }

        @Override
        public double[] upper() {
            return upper.clone();
        }

        @Override
        public boolean[][] in() {
            return copy(in);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Box b && Arrays.equals(lower, b.lower) && Arrays.equals(upper, b.upper)
                    && Arrays.deepEquals(in, b.in);
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(lower), Arrays.hashCode(upper), Arrays.deepHashCode(in));
        }

        @Override
        public String toString() {
            return "Box" + Arrays.toString(lower) + Arrays.toString(upper) + Arrays.deepToString(in);
        }
    }

    /** Weight, hits and the derived shares of a box. */
    public record Stats(double weight, double hits, double mass, double coverage, double density, int restricted) {}

    /** How a step changed the box: which input, which side ("lower", "upper", "category"), the new limit. */
    public record Move(int dimension, String side, String limit) {
        static final Move START = new Move(-1, "", "");
    }

    /** One box of the trajectory, with what the step did ("start", "peel", "paste"). */
    public record Step(int index, String kind, Move move, Box box, Stats stats) {}

    /**
     * One restricted limit of a box and its quasi-p-value (Bryant and Lempert 2010, as the EMA
     * Workbench computes it): the one-sided binomial probability of at least the box's hits in
     * the box's weight of trials, when each succeeds with the density of the box with this limit
     * removed. Small values say the limit matters; they are not corrected for the search that
     * found the box.
     */
    public record Limit(int dimension, String side, double value, List<String> categories, double relaxedWeight,
            double relaxedHits, double p) {}

    private final List<Dimension> dims;
    private final double[] weight;
    private final double[] hits;
    private final Options options;
    private final int n;
    private final double totalWeight;
    private final double totalHits;
    private final Box initial;
    /** Per numeric input, the cases sorted by value. */
    private final int[][] order;

    public Prim(List<Dimension> dimensions, double[] weight, double[] hits, Options options) {
        if (dimensions.isEmpty()) {
            throw new IllegalArgumentException("no inputs");
        }
        this.dims = List.copyOf(dimensions);
        this.n = weight.length;
        if (hits.length != n) {
            throw new IllegalArgumentException("weights and hits differ in length");
        }
        double w = 0;
        double h = 0;
        for (int i = 0; i < n; i++) {
            if (!(weight[i] >= 0) || !(hits[i] >= 0) || hits[i] > weight[i] || !Double.isFinite(weight[i])) {
                throw new IllegalArgumentException("case " + i + ": expected 0 <= hits <= weight, found " + hits[i]
                        + " of " + weight[i]);
            }
            w += weight[i];
            h += hits[i];
        }
        for (Dimension d : dims) {
            if (d.size() != n) {
                throw new IllegalArgumentException(d.name() + ": " + d.size() + " values for " + n + " cases");
            }
        }
        if (!(w > 0)) {
            throw new IllegalArgumentException("no cases");
        }
        this.weight = weight.clone();
        this.hits = hits.clone();
        this.options = options;
        this.totalWeight = w;
        this.totalHits = h;
        int d = dims.size();
        double[] lower = new double[d];
        double[] upper = new double[d];
        boolean[][] in = new boolean[d][];
        order = new int[d][];
        for (int j = 0; j < d; j++) {
            Dimension dim = dims.get(j);
            if (dim.isNumeric()) {
                lower[j] = Double.POSITIVE_INFINITY;
                upper[j] = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    if (weight[i] > 0) {
                        lower[j] = Math.min(lower[j], dim.numbers[i]);
                        upper[j] = Math.max(upper[j], dim.numbers[i]);
                    }
                }
                Integer[] idx = new Integer[n];
                for (int i = 0; i < n; i++) {
                    idx[i] = i;
                }
                final double[] v = dim.numbers;
                Arrays.sort(idx, Comparator.comparingDouble(i -> v[i]));
                order[j] = Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
            } else {
                lower[j] = Double.NaN;
                upper[j] = Double.NaN;
                in[j] = new boolean[dim.labels.size()];
                for (int i = 0; i < n; i++) {
                    if (weight[i] > 0) {
                        in[j][dim.category[i]] = true;
                    }
                }
            }
        }
        initial = new Box(lower, upper, in);
    }

    public List<Dimension> dimensions() {
        return dims;
    }

    public Options options() {
        return options;
    }

    /** The box that holds every case: the range of each input and all its categories. */
    public Box initial() {
        return initial;
    }

    public double totalWeight() {
        return totalWeight;
    }

    public double totalHits() {
        return totalHits;
    }

    /** Whether case {@code i} lies in the box. */
    public boolean contains(Box box, int i) {
        for (int j = 0; j < dims.size(); j++) {
            Dimension d = dims.get(j);
            if (d.isNumeric()) {
                double x = d.numbers[i];
                if (x < box.lower[j] || x > box.upper[j]) {
                    return false;
                }
            } else if (!box.in[j][d.category[i]]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the box restricts input {@code j} (on either side, or by leaving out a category). */
    public boolean restricts(Box box, int j) {
        return lowerRestricted(box, j) || upperRestricted(box, j) || categoriesRestricted(box, j);
    }

    private boolean lowerRestricted(Box box, int j) {
        return dims.get(j).isNumeric() && box.lower[j] > initial.lower[j];
    }

    private boolean upperRestricted(Box box, int j) {
        return dims.get(j).isNumeric() && box.upper[j] < initial.upper[j];
    }

    private boolean categoriesRestricted(Box box, int j) {
        if (dims.get(j).isNumeric()) {
            return false;
        }
        for (int k = 0; k < box.in[j].length; k++) {
            if (initial.in[j][k] && !box.in[j][k]) {
                return true;
            }
        }
        return false;
    }

    public int restrictedCount(Box box) {
        int r = 0;
        for (int j = 0; j < dims.size(); j++) {
            r += restricts(box, j) ? 1 : 0;
        }
        return r;
    }

    /** Weight, hits, mass, coverage and density of the cases in a box. */
    public Stats stats(Box box) {
        double w = 0;
        double h = 0;
        for (int i = 0; i < n; i++) {
            if (contains(box, i)) {
                w += weight[i];
                h += hits[i];
            }
        }
        return stats(w, h, restrictedCount(box));
    }

    private Stats stats(double w, double h, int restricted) {
        return new Stats(w, h, w / totalWeight, totalHits > 0 ? h / totalHits : Double.NaN, w > 0 ? h / w : Double.NaN,
                restricted);
    }

    // --- peeling ------------------------------------------------------------------------------

    /** A candidate peel or paste: the new box, its weight and hits. */
    private record Candidate(Box box, Move move, double weight, double hits, int restricted, int rank) {}

    /** The peeling trajectory: the initial box, then one box per peel. */
    public List<Step> peel() {
        List<Step> steps = new ArrayList<>();
        Box box = initial;
        boolean[] member = new boolean[n];
        double w = 0;
        double h = 0;
        for (int i = 0; i < n; i++) {
            member[i] = weight[i] > 0;
            w += weight[i];
            h += hits[i];
        }
        steps.add(new Step(0, "start", Move.START, box, stats(w, h, 0)));
        while (true) {
            List<Candidate> candidates = peels(box, member, w);
            Candidate best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            double density = h / w;
            for (Candidate c : candidates) {
                if (c.weight() / totalWeight < options.minSupport() || !(c.weight() < w)) {
                    continue;
                }
                double gain = c.hits() / c.weight() - density;
                double score = options.objective() == Objective.ORIGINAL ? gain : gain / ((w - c.weight()) / totalWeight);
                if (!(gain > 1e-12)) {
                    continue;
                }
                if (best == null || better(score, c, bestScore, best)) {
                    best = c;
                    bestScore = score;
                }
            }
            if (best == null) {
                return steps;
            }
            box = best.box();
            w = 0;
            h = 0;
            for (int i = 0; i < n; i++) {
                member[i] = member[i] && contains(box, i);
                if (member[i]) {
                    w += weight[i];
                    h += hits[i];
                }
            }
            steps.add(new Step(steps.size(), "peel", best.move(), box, stats(w, h, best.restricted())));
        }
    }

    /** Higher score; on a tie, fewer restricted inputs, then more weight kept, then the earlier candidate. */
    private static boolean better(double score, Candidate c, double bestScore, Candidate best) {
        double tol = 1e-12 * Math.max(1, Math.abs(bestScore));
        if (score > bestScore + tol) {
            return true;
        }
        if (score < bestScore - tol) {
            return false;
        }
        if (c.restricted() != best.restricted()) {
            return c.restricted() < best.restricted();
        }
        if (c.weight() != best.weight()) {
            return c.weight() > best.weight();
        }
        return c.rank() < best.rank();
    }

    private List<Candidate> peels(Box box, boolean[] member, double w) {
        List<Candidate> out = new ArrayList<>();
        double quota = options.peelAlpha() * w;
        for (int j = 0; j < dims.size(); j++) {
            Dimension d = dims.get(j);
            if (d.isNumeric()) {
                for (int side = 0; side < 2; side++) {
                    Candidate c = numericPeel(box, member, j, side == 0, quota, out.size());
                    if (c != null) {
                        out.add(c);
                    }
                }
            } else {
                double[] cw = new double[d.labels.size()];
                double[] ch = new double[cw.length];
                for (int i = 0; i < n; i++) {
                    if (member[i]) {
                        cw[d.category[i]] += weight[i];
                        ch[d.category[i]] += hits[i];
                    }
                }
                int present = 0;
                double allW = 0;
                double allH = 0;
                for (int k = 0; k < cw.length; k++) {
                    if (box.in[j][k] && cw[k] > 0) {
                        present++;
                    }
                    allW += cw[k];
                    allH += ch[k];
                }
                if (present < 2) {
                    continue;
                }
                for (int k = 0; k < cw.length; k++) {
                    if (!box.in[j][k] || cw[k] == 0) {
                        continue;
                    }
                    boolean[][] in = box.in();
                    in[j][k] = false;
                    Box b = new Box(box.lower, box.upper, in);
                    out.add(new Candidate(b, new Move(j, "category", d.labels.get(k)), allW - cw[k], allH - ch[k],
                            restrictedCount(b), out.size()));
                }
            }
        }
        return out;
    }

    /**
     * Removes the lowest (or highest) values of input j until at least {@code quota} weight is
     * gone, taking ties whole; null if that would empty the box.
     */
    private Candidate numericPeel(Box box, boolean[] member, int j, boolean lowerSide, double quota, int rank) {
        double[] v = dims.get(j).numbers;
        int[] o = order[j];
        double removedW = 0;
        double removedH = 0;
        double keptW = 0;
        double keptH = 0;
        double newLimit = Double.NaN;
        boolean removing = true;
        double last = Double.NaN;
        for (int k = 0; k < n; k++) {
            int i = o[lowerSide ? k : n - 1 - k];
            if (!member[i] || weight[i] == 0) {
                continue;
            }
            if (removing && removedW >= quota && v[i] != last) {
                removing = false;
                newLimit = v[i];
            }
            if (removing) {
                removedW += weight[i];
                removedH += hits[i];
                last = v[i];
            } else {
                keptW += weight[i];
                keptH += hits[i];
            }
        }
        if (removing || keptW == 0) {
            return null;
        }
        double[] lower = box.lower();
        double[] upper = box.upper();
        if (lowerSide) {
            lower[j] = newLimit;
        } else {
            upper[j] = newLimit;
        }
        Box b = new Box(lower, upper, box.in);
        return new Candidate(b, new Move(j, lowerSide ? "lower" : "upper", Double.toString(newLimit)), keptW, keptH,
                restrictedCount(b), rank);
    }

    // --- pasting ------------------------------------------------------------------------------

    /**
     * Pasting: widens a box again, one side of one restricted input (or one category left out)
     * at a time, adding a share {@code alpha} of the box's weight from the cases just outside
     * it, as long as that raises the density; the best paste first. Returns the pasted boxes in
     * order (empty if no paste raises the density).
     */
    public List<Step> paste(Step from) {
        List<Step> steps = new ArrayList<>();
        Box box = from.box();
        Stats s = from.stats();
        int index = from.index();
        while (true) {
            Candidate best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (Candidate c : pastes(box, s.weight())) {
                double gain = c.hits() / c.weight() - s.density();
                double score = options.objective() == Objective.ORIGINAL ? gain : gain / ((c.weight() - s.weight()) / totalWeight);
                if (!(gain > 1e-12) || !(c.weight() > s.weight())) {
                    continue;
                }
                if (best == null || betterPaste(score, c, bestScore, best)) {
                    best = c;
                    bestScore = score;
                }
            }
            if (best == null) {
                return steps;
            }
            box = best.box();
            s = stats(best.weight(), best.hits(), restrictedCount(box));
            steps.add(new Step(++index, "paste", best.move(), box, s));
        }
    }

    private static boolean betterPaste(double score, Candidate c, double bestScore, Candidate best) {
        double tol = 1e-12 * Math.max(1, Math.abs(bestScore));
        if (score > bestScore + tol) {
            return true;
        }
        if (score < bestScore - tol) {
            return false;
        }
        return c.rank() < best.rank();
    }

    private List<Candidate> pastes(Box box, double w) {
        List<Candidate> out = new ArrayList<>();
        double quota = options.peelAlpha() * w;
        double inW = 0;
        double inH = 0;
        for (int i = 0; i < n; i++) {
            if (contains(box, i)) {
                inW += weight[i];
                inH += hits[i];
            }
        }
        for (int j = 0; j < dims.size(); j++) {
            Dimension d = dims.get(j);
            if (d.isNumeric()) {
                for (boolean lowerSide : new boolean[] {true, false}) {
                    if (lowerSide ? !lowerRestricted(box, j) : !upperRestricted(box, j)) {
                        continue;
                    }
                    // cases inside every other limit, beyond this side, nearest first
                    double[] lower = box.lower();
                    double[] upper = box.upper();
                    double addedW = 0;
                    double addedH = 0;
                    double limit = lowerSide ? box.lower[j] : box.upper[j];
                    double last = Double.NaN;
                    int[] o = order[j];
                    for (int k = 0; k < n; k++) {
                        int i = o[lowerSide ? n - 1 - k : k];
                        double x = d.numbers[i];
                        if (lowerSide ? x >= box.lower[j] : x <= box.upper[j]) {
                            continue;
                        }
                        if (weight[i] == 0 || !insideExcept(box, i, j)) {
                            continue;
                        }
                        if (addedW >= quota && x != last) {
                            break;
                        }
                        addedW += weight[i];
                        addedH += hits[i];
                        last = x;
                        limit = x;
                    }
                    if (addedW == 0) {
                        continue;
                    }
                    if (lowerSide) {
                        lower[j] = limit;
                    } else {
                        upper[j] = limit;
                    }
                    Box b = new Box(lower, upper, box.in);
                    out.add(new Candidate(b, new Move(j, lowerSide ? "lower" : "upper", Double.toString(limit)),
                            inW + addedW, inH + addedH, restrictedCount(b), out.size()));
                }
            } else {
                for (int k = 0; k < d.labels.size(); k++) {
                    if (box.in[j][k] || !initial.in[j][k]) {
                        continue;
                    }
                    double addedW = 0;
                    double addedH = 0;
                    for (int i = 0; i < n; i++) {
                        if (d.category[i] == k && insideExcept(box, i, j)) {
                            addedW += weight[i];
                            addedH += hits[i];
                        }
                    }
                    if (addedW == 0) {
                        continue;
                    }
                    boolean[][] in = box.in();
                    in[j][k] = true;
                    Box b = new Box(box.lower, box.upper, in);
                    out.add(new Candidate(b, new Move(j, "category", d.labels.get(k)), inW + addedW, inH + addedH,
                            restrictedCount(b), out.size()));
                }
            }
        }
        return out;
    }

    /** Whether case i lies in the box on every input but j. */
    private boolean insideExcept(Box box, int i, int j) {
        for (int m = 0; m < dims.size(); m++) {
            if (m == j) {
                continue;
            }
            Dimension d = dims.get(m);
            if (d.isNumeric()) {
                double x = d.numbers[i];
                if (x < box.lower[m] || x > box.upper[m]) {
                    return false;
                }
            } else if (!box.in[m][d.category[i]]) {
                return false;
            }
        }
        return true;
    }

    // --- the limits of a box and their significance ----------------------------------------------

    /**
     * The restricted limits of a box, each with its quasi-p-value: numeric inputs give a lower
     * and an upper limit (when restricted), categorical ones the categories kept. In input order.
     */
    public List<Limit> limits(Box box) {
        Stats s = stats(box);
        List<Limit> out = new ArrayList<>();
        for (int j = 0; j < dims.size(); j++) {
            Dimension d = dims.get(j);
            if (d.isNumeric()) {
                if (lowerRestricted(box, j)) {
                    double[] lower = box.lower();
                    lower[j] = initial.lower[j];
                    out.add(limit(j, "lower", box.lower[j], List.of(), new Box(lower, box.upper, box.in), s));
                }
                if (upperRestricted(box, j)) {
                    double[] upper = box.upper();
                    upper[j] = initial.upper[j];
                    out.add(limit(j, "upper", box.upper[j], List.of(), new Box(box.lower, upper, box.in), s));
                }
            } else if (categoriesRestricted(box, j)) {
                List<String> kept = new ArrayList<>();
                for (int k = 0; k < d.labels.size(); k++) {
                    if (box.in[j][k]) {
                        kept.add(d.labels.get(k));
                    }
                }
                boolean[][] in = box.in();
                in[j] = initial.in[j].clone();
                out.add(limit(j, "category", Double.NaN, kept, new Box(box.lower, box.upper, in), s));
            }
        }
        return out;
    }

    private Limit limit(int j, String side, double value, List<String> categories, Box relaxed, Stats box) {
        Stats r = stats(relaxed);
        double p = quasiP(Math.round(box.hits()), Math.round(box.weight()), r.weight() > 0 ? r.hits() / r.weight() : 0);
        return new Limit(j, side, value, List.copyOf(categories), r.weight(), r.hits(), p);
    }

    /**
     * P(X >= hits) for X binomial with {@code trials} trials of probability {@code p}: the
     * one-sided binomial test of the EMA Workbench's quasi-p-values. Computed as the regularised
     * incomplete beta function I_p(hits, trials - hits + 1), exact in the far tail.
     */
    public static double quasiP(long hits, long trials, double p) {
        if (trials < 0 || hits < 0 || hits > trials || !(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("expected 0 <= hits <= trials and p in [0, 1], found " + hits + ", "
                    + trials + ", " + p);
        }
        if (hits == 0) {
            return 1;
        }
        if (p == 0) {
            return 0;
        }
        if (p == 1) {
            return 1;
        }
        return Math.min(1, Math.max(0, Beta.regularizedBeta(p, hits, trials - hits + 1, 1e-15, 100_000)));
    }

    // --- choosing a box --------------------------------------------------------------------------

    /**
     * The knee of a trajectory: the box with the largest coverage + density, the earlier box on
     * a tie. Coverage and density are both shares of cases, so this is where the trajectory's
     * slope crosses -1: peeling on from the knee loses more coverage than it gains density, and
     * stopping before it gives up more density than it keeps coverage.
     */
    public static int knee(List<Step> trajectory) {
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Step step : trajectory) {
            Stats s = step.stats();
            double score = s.coverage() + s.density();
            if (score > bestScore + 1e-12) {
                best = step.index();
                bestScore = score;
            }
        }
        return best;
    }

    /** The first box (the one with most coverage) whose density reaches {@code density}; -1 if none. */
    public static int firstWithDensity(List<Step> trajectory, double density) {
        for (Step s : trajectory) {
            if (s.stats().density() >= density - 1e-12) {
                return s.index();
            }
        }
        return -1;
    }

    /** The last box (the densest) whose coverage is still at least {@code coverage}; -1 if none. */
    public static int lastWithCoverage(List<Step> trajectory, double coverage) {
        int found = -1;
        for (Step s : trajectory) {
            if (s.stats().coverage() >= coverage - 1e-12) {
                found = s.index();
            }
        }
        return found;
    }
}
