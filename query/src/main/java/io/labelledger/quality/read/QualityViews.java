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
}
