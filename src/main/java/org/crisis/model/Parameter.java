package org.crisis.model;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every parameter of the model, with its scenario name, default and admissible range.
 * The reasons for each default are in docs/MODEL.md 5; the symbol is
 * the one used there.
 */
public enum Parameter {
    // perception (docs/MODEL.md 3.3)
    GRIEVANCE_GAIN("grievanceGain", "κ", 0.153047, 0, 10, Type.REAL),
    COOPERATION_GAIN("cooperationGain", "κ_coop", 0.5, 0, 10, Type.REAL),
    IDEOLOGY_AMPLIFIER("ideologyAmplifier", "α", 1.0, 0, 10, Type.REAL),
    GRIEVANCE_DECAY("grievanceDecay", "δ", 0.0239188, 0, 1, Type.REAL),
    LOW_LEVEL_DECAY("lowLevelDecay", "ω", 0.789974, 0, 1, Type.REAL),
    OBSERVER_GAIN("observerGain", "κ_obs", 0.390884, 0, 10, Type.REAL),
    OUSTED_FRIENDS("oustedFriends", "κ_oust", 3.32418, 0, 20, Type.REAL),
    TERRITORIAL_SALIENCE("territorialSalience", "τ", 0, 0, 10, Type.REAL),
    CAMPAIGN_GAIN("campaignGain", "β_c", 0.334435, 0, 10, Type.REAL),
    // affinity (docs/MODEL.md 3.2)
    SOCIAL_AXIS_WEIGHT("socialAxisWeight", "w_s", 0.25, 0, 1, Type.REAL),
    AFFINITY_IDEOLOGY("affinityIdeology", "a_ideo", 1.0, 0, 10, Type.REAL),
    AFFINITY_BLOC("affinityBloc", "a_bloc", 0.5, 0, 10, Type.REAL),
    AFFINITY_LEVEL("affinityLevel", "a_level", 0.5, 0, 10, Type.REAL),
    STANCE_WEIGHT("stanceWeight", "a_stance", 0.5, 0, 2, Type.REAL),
    STANCE_GAIN("stanceGain", "η", 0.5, 0, 1, Type.REAL),
    // decision (docs/MODEL.md 3.5)
    RATIONALITY("rationality", "λ", 5.0, 0, 100, Type.REAL),
    GRIEVANCE_WEIGHT("grievanceWeight", "b_g", 10.0, 0, 100, Type.REAL),
    PRESSURE_WEIGHT("pressureWeight", "b_p", 0.5, 0, 10, Type.REAL),
    HAWK_WEIGHT("hawkWeight", "b_h", 0.5, 0, 10, Type.REAL),
    // a state's record in the library's earlier crises scales its felt grievance (3.5)
    RECORD_WEIGHT("recordWeight", "b_rec", 0.592019, 0, 10, Type.REAL),
    RECIPROCITY("reciprocity", "b_r", 0.0318276, 0, 5, Type.REAL),
    TRIGGER_RECIPROCITY("triggerReciprocity", "b_t", 0, 0, 5, Type.REAL),
    TRADE_WEIGHT("tradeWeight", "b_w", 1.0, 0, 10, Type.REAL),
    AFFINITY_WEIGHT("affinityWeight", "b_a", 0.3, 0, 10, Type.REAL),
    CONDEMNATION_WEIGHT("condemnationWeight", "b_c", 0.15, 0, 10, Type.REAL),
    NORM_COST("normCost", "normCost", 0.2, 0, 10, Type.REAL),
    MEDIATION_WEIGHT("mediationWeight", "b_m", 3.4079, 0, 100, Type.REAL),
    AUDIENCE_COST("audienceCost", "audienceCost", 32.2772, 0, 100, Type.REAL),
    // 0: the face of backing down is owed in full while the same governments face each other; else it halves
    // every so many days from the day the side took its posture (3.5)
    FACE_HALF_LIFE("faceHalfLife", "h_face", 0, 0, 36500, Type.REAL),
    // 0: talks change no face; else once each side has made a gesture to the other since a side took its posture,
    // that posture's face is owed times 1 - gestureRelief (3.5)
    GESTURE_RELIEF("gestureRelief", "ρ_g", 0, 0, 1, Type.REAL),
    RUPTURE_COST("ruptureCost", "c_rup", 0, 0, 5, Type.REAL),
    CHANNEL_COST("channelCost", "c_ch", 0, 0, 5, Type.REAL),
    DEFERENCE_COST("deferenceCost", "c_df", 0, 0, 5, Type.REAL),
    ENVOY_ANSWER("envoyAnswer", "a_env", 0, 0, 10, Type.REAL),
    RUPTURE_GATE("ruptureGate", "", 0, 0, 1, Type.BOOLEAN),
    RIPE_RESTORATION("ripeRestoration", "", 0, 0, 1, Type.BOOLEAN),
    RECIPROCAL_GESTURE("reciprocalGesture", "", 0, 0, 1, Type.BOOLEAN),
    FOLLOW_VICTIM("followVictim", "", 1, 0, 1, Type.BOOLEAN),
    BORROWED_QUARREL_ONLY("borrowedQuarrelOnly", "", 0, 0, 1, Type.BOOLEAN),
    STANDING_LEVEL("standingLevel", "", 0, 0, 1, Type.BOOLEAN),
    ALIGNED_OCCASION("alignedOccasion", "", 0, 0, 1, Type.BOOLEAN),
    BREACH_ONCE_A_DAY("breachOnceADay", "", 0, 0, 1, Type.BOOLEAN),
    // an act scripted with lastsUntil renews its target's grievance until then (3.5)
    LASTING_ACTS("lastingActs", "", 0, 0, 1, Type.BOOLEAN),
    INJURY_MEMORY("injuryMemory", "χ", 0, 0, 5, Type.REAL),
    INJURY_FADING("injuryFading", "δ_inj", 0, 0, 1, Type.REAL),
    // 0: a recall lasts until an occasion to restore; else it is for consultations and lapses after so many days (3.5)
    RECALL_LAPSE("recallLapse", "L_rec", 7, 0, 3650, Type.INTEGER),
    IN_KIND_TRIGGERS("inKindTriggers", "", 0, 0, 1, Type.BOOLEAN),
    ARMED_EXCHANGE("armedExchange", "", 1, 0, 1, Type.BOOLEAN),
    THRESHOLD_PROTEST("thresholdProtest", "θ_1", 0.15, 0, 5, Type.REAL),
    THRESHOLD_SUMMON("thresholdSummon", "θ_2", 0.20, 0, 5, Type.REAL),
    THRESHOLD_RECALL("thresholdRecall", "θ_3", 0.35, 0, 5, Type.REAL),
    THRESHOLD_EXPEL("thresholdExpel", "θ_4", 0.45, 0, 5, Type.REAL),
    THRESHOLD_SEVER("thresholdSever", "θ_5", 0.46, 0, 5, Type.REAL),
    THRESHOLD_SANCTION("thresholdSanction", "θ_6", 1.1, 0, 5, Type.REAL),
    IN_KIND_DISCOUNT("inKindDiscount", "φ", 0.7, 0, 1, Type.REAL),
    BUSINESS_FLOOR("businessFloor", "g_min", 0.05, 0, 1, Type.REAL),
    MEMORY("memory", "memory", 30, 1, 3650, Type.INTEGER),
    // third parties and mediation (docs/MODEL.md 3.8, 3.9)
    THIRD_PARTIES("thirdParties", "", 1, 0, 1, Type.BOOLEAN),
    SALIENCE("salience", "salience", 4.0, 0, 10, Type.REAL),
    ATTENTION("attention", "attention", 0.3, 0, 1, Type.REAL),
    SIDE_WEIGHT("sideWeight", "b_s", 10.0, 0, 100, Type.REAL),
    SIDE_THRESHOLD("sideThreshold", "s_min", 0.35, 0, 4, Type.REAL),
    NORM_WEIGHT("normWeight", "b_n", 0.5, 0, 10, Type.REAL),
    SOLIDARITY("solidarity", "ψ", 1.42629, 0, 4, Type.REAL),
    DEMOCRATIC_CLAUSE("democraticClause", "b_dc", 1.6216, 0, 10, Type.REAL),
    STATEMENT_GRAVITY("statementGravity", "g_s", 1.0, 0, 1, Type.REAL),
    MEDIATION("mediation", "", 1, 0, 1, Type.BOOLEAN),
    // at least 0: a mediator disliked by a side has no credibility with it, and a negative one would feed grievance (3.9)
    MEDIATION_AFFINITY("mediationAffinity", "a_med", 0.4, 0, 1, Type.REAL),
    MEDIATION_EFFICACY("mediationEfficacy", "μ", 0.0210746, 0, 1, Type.REAL),
    MEDIATION_DAYS("mediationDays", "mediationDays", 60, 1, 3650, Type.INTEGER),
    // government change and restoration (docs/MODEL.md 3.7, 3.5)
    TURNOVER_DISCOUNT("turnoverDiscount", "ρ", 0.5, 0, 1, Type.REAL),
    CONTINUITY_SHIFT("continuityShift", "s_cont", 0.15, 0, 1, Type.REAL),
    TURNOVER_ALIGNMENT("turnoverAlignment", "ν", 2.0, 0, 10, Type.REAL),
    RESTORE_THRESHOLD("restoreThreshold", "g_restore", 0.1, 0, 1, Type.REAL);

    /** How values of a parameter are written and checked. */
    public enum Type { REAL, INTEGER, BOOLEAN }

    private static final Map<String, Parameter> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Parameter::key, Function.identity()));

    private final String key;
    private final String symbol;
    private final double defaultValue;
    private final double min;
    private final double max;
    private final Type type;

    Parameter(String key, String symbol, double defaultValue, double min, double max, Type type) {
        this.key = key;
        this.symbol = symbol;
        this.defaultValue = defaultValue;
        this.min = min;
        this.max = max;
        this.type = type;
    }

    /** The name used in scenario files, sweeps and {@code --set parameters.NAME=...}. */
    public String key() {
        return key;
    }

    public String symbol() {
        return symbol;
    }

    public double defaultValue() {
        return defaultValue;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public Type type() {
        return type;
    }

    public static Optional<Parameter> byKey(String key) {
        return Optional.ofNullable(BY_NAME.get(key));
    }
}
