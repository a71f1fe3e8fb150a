<%@ include file="/include.jsp" %>
<%-- Build Analytics administration page. Values come from BuildAnalyticsAdminPage.fillModel; every value is
     written with c:out (escaped). The secret is never rendered. buildAnalytics.js posts the form to the
     settings controller with TeamCity's CSRF token. --%>
<c:set var="s" value="${buildAnalyticsSettings}"/>
<div id="buildAnalytics" class="buildAnalytics" data-action="<c:url value='${buildAnalyticsActionUrl}'/>">
  <h2>Build Analytics</h2>
  <p>Sends one event per finished build to Elasticsearch or OpenSearch for the Build Analytics dashboards.</p>

  <div class="buildAnalyticsStatus">
    <h3>Status</h3>
    <ul id="buildAnalyticsStatus">
      <c:forEach var="line" items="${buildAnalyticsStatus}">
        <li><c:out value="${line}"/></li>
      </c:forEach>
    </ul>
  </div>

  <form id="buildAnalyticsForm" autocomplete="off" onsubmit="return false;">
    <table class="runnerFormTable">
      <tr><th><label for="ba-enabled">Enabled</label></th>
        <td><input type="checkbox" id="ba-enabled" name="enabled" value="true" <c:if test="${s['enabled'] == 'true'}">checked</c:if>/>
          <span class="smallNote">Record every finished build.</span></td></tr>
      <tr><th><label for="ba-backend">Engine</label></th>
        <td><select id="ba-backend" name="backend">
          <c:forEach var="b" items="${buildAnalyticsBackends}">
            <option value="<c:out value='${b.key}'/>" <c:if test="${s['backend'] == b.key}">selected</c:if>><c:out value="${b.value}"/></option>
          </c:forEach></select></td></tr>
      <tr><th><label for="ba-urls">Engine URLs</label></th>
        <td><textarea id="ba-urls" name="urls" rows="2" cols="60" data-check="urls"><c:out value="${s['urls']}"/></textarea>
          <span class="error" data-error-for="urls"></span>
          <span class="smallNote">One or more node URLs of one cluster, e.g. https://es.example.com:9200</span></td></tr>
      <tr><th><label for="ba-authType">Authentication</label></th>
        <td><select id="ba-authType" name="authType">
          <option value="none" <c:if test="${s['authType'] == 'none'}">selected</c:if>>None (for Amazon: the AWS default credentials chain)</option>
          <option value="usernamePassword" <c:if test="${s['authType'] == 'usernamePassword'}">selected</c:if>>Username and password (for Amazon: access key id and secret key)</option>
          <option value="token" <c:if test="${s['authType'] == 'token'}">selected</c:if>>Token</option>
        </select><span class="error" data-error-for="authType"></span></td></tr>
      <tr><th><label for="ba-username">Username</label></th>
        <td><input type="text" id="ba-username" name="username" size="40" value="<c:out value='${s["username"]}'/>"/>
          <span class="error" data-error-for="username"></span></td></tr>
      <tr><th><label for="ba-secret">Password or token</label></th>
        <td><input type="password" id="ba-secret" name="secret" size="40" value=""
                   placeholder="<c:if test='${s["secretSet"]}'>saved; leave empty to keep it</c:if>"/>
          <label><input type="checkbox" name="clearSecret" value="true"/> clear the saved secret</label>
          <span class="error" data-error-for="secret"></span>
          <span class="smallNote">Stored scrambled in the settings file, never shown again.</span></td></tr>
      <tr><th><label for="ba-tokenType">Token type</label></th>
        <td><select id="ba-tokenType" name="tokenType">
          <option value="apiKey" <c:if test="${s['tokenType'] == 'apiKey'}">selected</c:if>>API key (Authorization: ApiKey)</option>
          <option value="bearer" <c:if test="${s['tokenType'] == 'bearer'}">selected</c:if>>Bearer token</option>
        </select></td></tr>
      <tr><th><label for="ba-awsRegion">AWS region</label></th>
        <td><input type="text" id="ba-awsRegion" name="awsRegion" size="20" value="<c:out value='${s["awsRegion"]}'/>"/>
          <span class="error" data-error-for="awsRegion"></span>
          <span class="smallNote">Amazon OpenSearch only, e.g. eu-west-1</span></td></tr>
      <tr><th><label for="ba-indexPrefix">Index prefix</label></th>
        <td><input type="text" id="ba-indexPrefix" name="indexPrefix" size="20" data-check="indexPrefix" value="<c:out value='${s["indexPrefix"]}'/>"/>
          <span class="error" data-error-for="indexPrefix"></span></td></tr>
      <tr><th><label for="ba-tlsCaPem">CA certificate (PEM)</label></th>
        <td><textarea id="ba-tlsCaPem" name="tlsCaPem" rows="3" cols="60" data-check="tlsCaPem"><c:out value="${s['tlsCaPem']}"/></textarea>
          <span class="error" data-error-for="tlsCaPem"></span>
          <span class="smallNote">Empty: the Java trust store of the TeamCity server.</span></td></tr>
      <tr><th>TLS</th>
        <td><label><input type="checkbox" name="skipTlsVerification" value="true" <c:if test="${s['skipTlsVerification'] == 'true'}">checked</c:if>/>
          Skip certificate verification (unsafe; shown as a warning in the status)</label></td></tr>
      <tr><th>Proxy</th>
        <td><label><input type="checkbox" name="useServerProxy" value="true" <c:if test="${s['useServerProxy'] == 'true'}">checked</c:if>/>
          Use the server JVM's HTTPS proxy (https.proxyHost) when set</label></td></tr>
      <tr><th><label for="ba-deploymentEnvironmentParameter">Deployment parameters</label></th>
        <td>environment <input type="text" id="ba-deploymentEnvironmentParameter" name="deploymentEnvironmentParameter" size="24" data-check="deploymentEnvironmentParameter" value="<c:out value='${s["deploymentEnvironmentParameter"]}'/>"/>
          service <input type="text" name="deploymentServiceParameter" size="20" data-check="deploymentServiceParameter" value="<c:out value='${s["deploymentServiceParameter"]}'/>"/>
          version <input type="text" name="deploymentVersionParameter" size="20" data-check="deploymentVersionParameter" value="<c:out value='${s["deploymentVersionParameter"]}'/>"/>
          <span class="error" data-error-for="deploymentEnvironmentParameter"></span>
          <span class="error" data-error-for="deploymentServiceParameter"></span>
          <span class="error" data-error-for="deploymentVersionParameter"></span>
          <span class="smallNote">A build with the environment parameter set is a deployment. Configurations of TeamCity's Deployment type always are.</span></td></tr>
      <tr><th><label for="ba-deploymentPatterns">Deployment name patterns</label></th>
        <td><textarea id="ba-deploymentPatterns" name="deploymentPatterns" rows="3" cols="60" data-check="deploymentPatterns"><c:out value="${s['deploymentPatterns']}"/></textarea>
          <span class="error" data-error-for="deploymentPatterns"></span>
          <span class="smallNote">One per line: <code>regex =&gt; environment / service</code>, or a regex with named groups <code>(?&lt;env&gt;…)</code> and <code>(?&lt;service&gt;…)</code>; matched against the configuration id and full name.</span></td></tr>
      <tr><th><label for="ba-productionEnvironments">Production environments</label></th>
        <td><input type="text" id="ba-productionEnvironments" name="productionEnvironments" size="40" data-check="productionEnvironments" value="<c:out value='${s["productionEnvironments"]}'/>"/>
          <span class="error" data-error-for="productionEnvironments"></span>
          <span class="smallNote">Regex; empty: production, prod, prd, live.</span></td></tr>
      <tr><th><label for="ba-allowedParameters">Parameters to send</label></th>
        <td><input type="text" id="ba-allowedParameters" name="allowedParameters" size="60" data-check="allowedParameters" value="<c:out value='${s["allowedParameters"]}'/>"/>
          <span class="error" data-error-for="allowedParameters"></span>
          <span class="smallNote">Names or * wildcards; none by default. Password and secret parameters are never sent.</span></td></tr>
      <tr><th><label for="ba-labels">Labels</label></th>
        <td><textarea id="ba-labels" name="labels" rows="2" cols="60" data-check="labels"><c:out value="${s['labels']}"/></textarea>
          <span class="error" data-error-for="labels"></span>
          <span class="smallNote">key=value per line, added to every event.</span></td></tr>
      <tr><th><label for="ba-serverName">Server name</label></th>
        <td><input type="text" id="ba-serverName" name="serverName" size="40" value="<c:out value='${s["serverName"]}'/>"/>
          <span class="smallNote">As dashboards show it; empty: the server URL's host.</span></td></tr>
      <tr><th>Privacy</th>
        <td><label><input type="checkbox" name="sendUserNames" value="true" <c:if test="${s['sendUserNames'] == 'true'}">checked</c:if>/>
          Send the names of users who trigger builds</label></td></tr>
      <tr><th><label for="ba-diskBudgetMb">Spool size (MB)</label></th>
        <td><input type="number" id="ba-diskBudgetMb" name="diskBudgetMb" min="16" data-check="diskBudgetMb" value="<c:out value='${s["diskBudgetMb"]}'/>"/>
          <span class="error" data-error-for="diskBudgetMb"></span>
          <span class="smallNote">Disk kept for events while the engine is unreachable.</span></td></tr>
    </table>
    <div class="saveButtonsBlock">
      <input type="button" class="btn btn_primary" id="buildAnalyticsSave" value="Save"/>
      <input type="button" class="btn" id="buildAnalyticsTest" value="Test connection"/>
      <span id="buildAnalyticsMessage" role="status"></span>
    </div>
  </form>

  <form id="buildAnalyticsBackfill" autocomplete="off" onsubmit="return false;">
    <h3>Send existing builds</h3>
    <p>Sends the history already in TeamCity through the same path; safe to run again (events keep their ids).</p>
    <label>Configurations (regex on "Project :: Configuration", empty for all)
      <input type="text" name="backfillPattern" size="40"/></label>
    <label>Last days (0 for all) <input type="number" name="backfillDays" min="0" value="90"/></label>
    <input type="button" class="btn" id="buildAnalyticsBackfillStart" value="Start backfill"/>
  </form>
</div>
