package hudson.model;

import java.util.Collections;
import java.util.List;

public class ParametersAction implements Action {

    private final List<ParameterValue> parameters;

    public ParametersAction(List<ParameterValue> parameters) {
        this.parameters = parameters;
    }

    public List<ParameterValue> getParameters() {
        return Collections.unmodifiableList(parameters);
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return "Parameters";
    }

    @Override
    public String getUrlName() {
        return "parameters";
    }
}
