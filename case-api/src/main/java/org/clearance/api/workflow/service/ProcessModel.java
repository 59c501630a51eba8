package org.clearance.api.workflow.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The export-licence BPMN model as deployed (the same classpath resource ModelDeployment sends to
 * the engine): its XML for diagrams, and the name and BPMN type of each flow element.
 */
@ApplicationScoped
public class ProcessModel {

  public static final String PROCESS_ID = "export-licence";
  static final String RESOURCE = "bpmn/export-licence.bpmn";
  private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";

  /** One element of the process: its BPMN type (userTask, endEvent ...) and name. */
  public record ElementInfo(String id, String type, String name) {}

  private final byte[] xml;
  private final String etag;
  private final Map<String, ElementInfo> elements;

  ProcessModel() {
    try (InputStream in =
        Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath");
      }
      xml = in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + RESOURCE, e);
    }
    etag = "\"" + sha256(xml) + "\"";
    elements = Collections.unmodifiableMap(parse(xml));
  }

  public byte[] xml() {
    return xml.clone();
  }

  public String xmlText() {
    return new String(xml, StandardCharsets.UTF_8);
  }

  /** A strong validator of the XML (base64 SHA-256, quoted). */
  public String etag() {
    return etag;
  }

  /** Every element with an id inside the process (sub-processes included), in document order. */
  public Map<String, ElementInfo> elements() {
    return elements;
  }

  private static Map<String, ElementInfo> parse(byte[] xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      var document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
      Map<String, ElementInfo> result = new LinkedHashMap<>();
      NodeList processes = document.getElementsByTagNameNS(BPMN_NS, "process");
      for (int p = 0; p < processes.getLength(); p++) {
        NodeList all = ((Element) processes.item(p)).getElementsByTagNameNS(BPMN_NS, "*");
        for (int i = 0; i < all.getLength(); i++) {
          Element element = (Element) all.item(i);
          String id = element.getAttribute("id");
          String type = element.getLocalName();
          if (id.isEmpty() || type.endsWith("EventDefinition") || type.equals("sequenceFlow")) {
            continue;
          }
          String name = element.getAttribute("name");
          result.put(id, new ElementInfo(id, type, name.isEmpty() ? null : name));
        }
      }
      return result;
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new IllegalStateException(RESOURCE + " is not readable BPMN: " + e.getMessage(), e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
