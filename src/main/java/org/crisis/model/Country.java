package org.crisis.model;

/**
 * A state as an agent (docs/MODEL.md, section 1): its traits and its relations. What it
 * decides towards each counterpart is {@link Decision}; when, {@link Sampler}.
 */
public final class Country {
    final int index;
    final String id;
    double economic;
    double social;
    double sovereignty;
    double domesticPressure;
    double hawkishness;
    double normAdherence;
    final long[] blocs;
    /** A major power (section 3.5): two of them keep a channel open. */
    final boolean majorPower;
    /**
     * How far the state's record in the case library's earlier crises stands from the library's
     * share (docs/MODEL.md 3.5, "A state's record"); 0 unless the scenario's option reads it.
     */
    double recordShift;
    /** Increases when a government with a different outlook takes office. */
    int government;
    /** Dyads this country is part of that have ever been touched. */
    final java.util.ArrayList<Dyad> dyads = new java.util.ArrayList<>();

    Country(int index, String id, double economic, double social, double sovereignty,
            double domesticPressure, double hawkishness, double normAdherence, long[] blocs, boolean majorPower) {
        this.index = index;
        this.id = id;
        this.economic = economic;
        this.social = social;
        this.sovereignty = sovereignty;
        this.domesticPressure = domesticPressure;
        this.hawkishness = hawkishness;
        this.normAdherence = normAdherence;
        this.blocs = blocs;
        this.majorPower = majorPower;
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
