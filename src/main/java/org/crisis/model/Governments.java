package org.crisis.model;

/**
 * A change of government (docs/MODEL.md 3.7): new traits; unless its outlook is within the
 * continuity shift of its predecessor's (or the scenario states its continuity), it is a new
 * government that discounts the old grievances and stances, by how much its own course
 * departs from its predecessor's towards each counterpart, and is not bound by its
 * predecessor's commitments.
 */
final class Governments {
    private final World w;
    private final double turnover;
    private final double continuityShift;
    private final double alignment;

    Governments(World w, Parameters p) {
        this.w = w;
        this.turnover = p.get(Parameter.TURNOVER_DISCOUNT);
        this.continuityShift = p.get(Parameter.CONTINUITY_SHIFT);
        this.alignment = p.get(Parameter.TURNOVER_ALIGNMENT);
    }

    void apply(Event e, GovernmentChange change) {
        Country c = w.countries.get(e.actor());
        double economic = GovernmentChange.orElse(change.economic(), c.economic);
        double social = GovernmentChange.orElse(change.social(), c.social);
        double shift = w.affinity.distance(economic - c.economic, social - c.social);
        double economicBefore = c.economic;
        double socialBefore = c.social;
        c.economic = economic;
        c.social = social;
        c.sovereignty = GovernmentChange.orElse(change.sovereignty(), c.sovereignty);
        c.domesticPressure = GovernmentChange.orElse(change.domesticPressure(), c.domesticPressure);
        c.hawkishness = GovernmentChange.orElse(change.hawkishness(), c.hawkishness);
        c.normAdherence = GovernmentChange.orElse(change.normAdherence(), c.normAdherence);
        double stated = change.continuity();
        boolean fresh = Double.isNaN(stated) ? e.type() == EventType.COUP || shift >= continuityShift : stated < 1;
        double[] before = new double[c.dyads.size()]; // a government changes rarely: no need to spare this
        for (int k = 0; k < before.length; k++) {
            Dyad d = c.dyads.get(k);
            w.touch(d); // new traits, a new distance and perhaps a new government: every pair of c changes
            before[k] = d.distance;
            w.affinity.refresh(d);
        }
        if (e.type() == EventType.COUP) {
            w.thirdParties.ousted(e, economicBefore, socialBefore);
        }
        if (!fresh) {
            return;
        }
        c.government++;
        for (int k = 0; k < before.length; k++) {
            Dyad d = c.dyads.get(k);
            double keep = Double.isNaN(stated) ? 1 - turnover * resetPropensity(c, before[k], d.distance) : stated;
            d.grievance[d.side(c.index)] *= keep;
            d.stance *= keep;
        }
    }

    /**
     * How far a new government resets a relation, in [0, 1]: half by default, more when it
     * stands closer to the counterpart than its predecessor did (by ν per unit of distance
     * gained), less when its leader is hawkish.
     */
    double resetPropensity(Country c, double distanceBefore, double distanceNow) {
        double r = 0.5 + alignment * (distanceBefore - distanceNow) + (0.5 - c.hawkishness);
        return r < 0 ? 0 : r > 1 ? 1 : r;
    }
}
