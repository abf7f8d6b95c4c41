package org.crisis.model;

/**
 * The traits a new government brings to office (docs/MODEL.md 3.7); NaN keeps the
 * predecessor's value.
 *
 * @param continuity share of its predecessor's grievances and stances the new government
 *     keeps, in [0, 1], when the scenario states it; NaN lets the model decide (section 3.7)
 */
public record GovernmentChange(double economic, double social, double sovereignty, double domesticPressure,
        double hawkishness, double normAdherence, double continuity) {

    /** A change of government that states nothing: same outlook, same traits. */
    public static final GovernmentChange NONE = new GovernmentChange(Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, Double.NaN);

    static double orElse(double value, double otherwise) {
        return Double.isNaN(value) ? otherwise : value;
    }
}
