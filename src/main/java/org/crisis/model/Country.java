package org.crisis.model;

import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * A state as an agent (docs/MODEL.md, section 1). Its daily step reviews its posture towards
 * each counterpart it has business with; the rule is {@link Decision}.
 */
public final class Country implements Steppable {
    private static final long serialVersionUID = 1L;

    final int index;
    final String id;
    double economic;
    double social;
    double sovereignty;
    double domesticPressure;
    double hawkishness;
    double normAdherence;
    final long[] blocs;
    /** Increases when a government with a different outlook takes office. */
    int government;
    /** Dyads this country is part of that have ever been touched. */
    final java.util.ArrayList<Dyad> dyads = new java.util.ArrayList<>();
    /** Those of them with business (docs/MODEL.md 3.4): the only ones its daily step looks at. */
    final java.util.ArrayList<Dyad> active = new java.util.ArrayList<>();
    private final transient World world;

    Country(World world, int index, String id, double economic, double social, double sovereignty,
            double domesticPressure, double hawkishness, double normAdherence, long[] blocs) {
        this.world = world;
        this.index = index;
        this.id = id;
        this.economic = economic;
        this.social = social;
        this.sovereignty = sovereignty;
        this.domesticPressure = domesticPressure;
        this.hawkishness = hawkishness;
        this.normAdherence = normAdherence;
        this.blocs = blocs;
    }

    @Override
    public void step(SimState state) {
        int day = world.day;
        // indexed loop over today's active dyads: deciding may activate new ones, not remove any
        for (int k = 0, n = active.size(); k < n; k++) {
            Dyad d = active.get(k);
            if (world.relations.hasBusiness(d, day)) {
                world.decision.decide(this, d);
            }
        }
    }

    public int index() {
        return index;
    }

    public String id() {
        return id;
    }

    public double economic() {
        return economic;
    }

    public double social() {
        return social;
    }

    public double sovereignty() {
        return sovereignty;
    }

    public double domesticPressure() {
        return domesticPressure;
    }

    public double hawkishness() {
        return hawkishness;
    }

    public double normAdherence() {
        return normAdherence;
    }

    public int government() {
        return government;
    }
}
