package org.crisis.model;

/**
 * A change of government (docs/MODEL.md 3.7): new traits; unless its outlook is within the
 * continuity shift of its predecessor's, it is a new government that discounts the old
 * grievances and stances and is not bound by its predecessor's commitments.
 */
final class Governments {
    private final World w;
    private final double turnover;
    private final double continuityShift;

    Governments(World w, Parameters p) {
        this.w = w;
        this.turnover = p.get(Parameter.TURNOVER_DISCOUNT);
        this.continuityShift = p.get(Parameter.CONTINUITY_SHIFT);
    }

    void apply(Event e, GovernmentChange change) {
        Country c = w.countries.get(e.actor());
        double economic = GovernmentChange.orElse(change.economic(), c.economic);
        double social = GovernmentChange.orElse(change.social(), c.social);
        double shift = w.affinity.distance(economic - c.economic, social - c.social);
        c.economic = economic;
        c.social = social;
        c.sovereignty = GovernmentChange.orElse(change.sovereignty(), c.sovereignty);
        c.domesticPressure = GovernmentChange.orElse(change.domesticPressure(), c.domesticPressure);
        c.hawkishness = GovernmentChange.orElse(change.hawkishness(), c.hawkishness);
        c.normAdherence = GovernmentChange.orElse(change.normAdherence(), c.normAdherence);
        for (Dyad d : c.dyads) {
            w.affinity.refresh(d);
        }
        if (e.type() == EventType.COUP || shift >= continuityShift) {
            c.government++;
            for (Dyad d : c.dyads) {
                w.relations.catchUp(d);
                d.grievance[d.side(c.index)] *= 1 - turnover;
                d.stance *= 1 - turnover;
            }
        }
    }
}
