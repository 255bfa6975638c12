package io.labelledger.quality.read;

/** Read views of agreement (issue 13). Every score is in 0..1; null where it cannot be measured yet. */
public final class QualityViews {
    private QualityViews() {}

    /**
     * A project's figures: mean of its tasks' agreement over the tasks that have one, how many tasks that is, the mean
     * model agreement and ground-truth accuracy over the tasks that have them.
     */
    public record ProjectQualityView(String projectId, Double agreement, int scoredTasks, Double modelAgreement,
                                     Double groundTruthAccuracy, int groundTruthTasks) {}

    /** One cell of the annotator × annotator matrix (userA sorts before userB): the mean of their pairs' scores. */
    public record AgreementCellView(String userA, String userB, double agreement, int pairs) {}

    /**
     * One person in a project: their live annotations, mean agreement with the others (over every pair they are in),
     * and their accuracy against the ground truth (over the ground-truth tasks they annotated).
     */
    public record AnnotatorQualityView(String userId, int annotations, Double agreementWithOthers, int pairs,
                                       Double groundTruthAccuracy, int groundTruthTasks) {}

    public record TaskAgreementView(String taskId, long number, int annotations, Double agreement, Double modelAgreement,
                                    Double groundTruthAgreement) {}

    /** Chance-corrected agreement of one categorical control (-1..1; null where undefined), ADR 0049. */
    public record ChanceAgreementView(String control, String resultType, int tasks, int raters, int categories, Double fleissKappa,
                                      Double krippendorffAlpha, Double meanCohensKappa, java.util.List<PairKappaView> cohensKappa) {}

    /** Cohen's kappa of two people over the tasks both answered (userA sorts before userB). */
    public record PairKappaView(String userA, String userB, int tasks, Double kappa) {}

    /** A project's agreement settings (ADR 0049): version 0 and no controls while the defaults hold. */
    public record QualitySettingsView(int version, java.util.List<ControlQualityView> controls) {
        public static final QualitySettingsView DEFAULTS = new QualitySettingsView(0, java.util.List.of());

        public static QualitySettingsView of(int version, io.labelledger.project.api.QualitySettings settings) {
            return new QualitySettingsView(version, settings.controls().entrySet().stream()
                    .map(e -> new ControlQualityView(e.getKey(), e.getValue().metric(),
                            e.getValue().parameters().entrySet().stream().map(p -> new ParameterValueView(p.getKey(), p.getValue())).toList(),
                            e.getValue().weight(),
                            e.getValue().labelWeights().entrySet().stream().map(w -> new LabelWeightView(w.getKey(), w.getValue())).toList()))
                    .toList());
        }
    }

    public record ControlQualityView(String control, String metric, java.util.List<ParameterValueView> parameters, double weight,
                                     java.util.List<LabelWeightView> labelWeights) {}

    public record ParameterValueView(String name, double value) {}

    public record LabelWeightView(String label, double weight) {}
}
