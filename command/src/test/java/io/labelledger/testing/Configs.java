package io.labelledger.testing;

/** Labeling configs shared by the aggregate tests. */
public final class Configs {
    private Configs() {}

    /** Text classification: one sentiment per text. */
    public static final String SENTIMENT = """
            <View>
              <Text name="text" value="$text"/>
              <Choices name="sentiment" toName="text" choice="single">
                <Choice value="Positive"/>
                <Choice value="Negative"/>
              </Choices>
            </View>
            """;

    /** Named entities on a text. */
    public static final String NER = """
            <View>
              <Labels name="label" toName="text">
                <Label value="PER"/>
                <Label value="ORG"/>
              </Labels>
              <Text name="text" value="$text"/>
            </View>
            """;
}
