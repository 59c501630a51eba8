package org.clearance.api.screening.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameNormaliserTest {

  private static List<String> tokens(String name) {
    return NameNormaliser.normalise(name).identifying(true);
  }

  private static List<String> all(String name) {
    return NameNormaliser.normalise(name).identifying(false);
  }

  @Test
  void shouldFoldCaseAccentsAndSpecialLetters() {
    assertThat(all("Straße Ødegård Œuvre Işık Çelik"))
        .containsExactly("strasse", "odegard", "oeuvre", "isik", "celik");
    assertThat(all("VÖLGA  phötonics")).containsExactly("volga", "photonics");
  }

  @Test
  void shouldTransliterateCyrillicTheWayEnglishLanguageListsDo() {
    assertThat(all("Виктор Анатольевич Щербаков"))
        .containsExactly("viktor", "anatolyevich", "shcherbakov");
    assertThat(all("Юрий Жуков")).containsExactly("yuriy", "zhukov");
  }

  @Test
  void shouldTransliterateOtherScripts() {
    assertThat(all("Αθηνά Παπαδοπούλου")).containsExactly("athena", "papadopoulou");
    assertThat(all("华为")).containsExactly("hua", "wei");
    assertThat(all("مصطفى")).isNotEmpty().allMatch(t -> t.matches("[a-z]+"));
  }

  @Test
  void shouldJoinDottedInitialismsAndSplitOnOtherPunctuation() {
    assertThat(all("Société Générale S.A.")).containsExactly("societe", "generale", "sa");
    assertThat(all("Karadeniz A.Ş.")).containsExactly("karadeniz", "as");
    assertThat(all("Al-Mansouri, Omar")).containsExactly("al", "mansouri", "omar");
    assertThat(all("O'Brien")).containsExactly("obrien");
  }

  @Test
  void shouldMarkLegalFormsIncludingDottedMultiWordAndNativeForms() {
    assertThat(tokens("Volga Photonics, GmbH.")).containsExactly("volga", "photonics");
    assertThat(tokens("Orinoco Datos S.R.L.")).containsExactly("orinoco", "datos");
    assertThat(tokens("Anatolia Veri Ltd. Şti.")).containsExactly("anatolia", "veri");
    assertThat(tokens("Meridian Kestrel Sdn Bhd")).containsExactly("meridian", "kestrel");
    assertThat(tokens("Borealis Cryotech Limited Liability Company"))
        .containsExactly("borealis", "cryotech");
    assertThat(tokens("Huaxin Longteng Youxian Gongsi")).containsExactly("huaxin", "longteng");
    assertThat(tokens("ООО «Таврида Электрон»")).containsExactly("tavrida", "elektron");
    assertThat(tokens("Общество с ограниченной ответственностью Таврида"))
        .containsExactly("tavrida");
    assertThat(tokens("NPO Mashinostroyeniya")).containsExactly("mashinostroyeniya");
    assertThat(tokens("Desert Falcon FZE")).containsExactly("desert", "falcon");
  }

  @Test
  void shouldKeepALegalFormWhenNothingElseIsLeft() {
    assertThat(tokens("Limited")).containsExactly("limited");
  }

  @Test
  void shouldSpellOutAbbreviations() {
    assertThat(all("Northern Lantern Trdg Intl"))
        .containsExactly("northern", "lantern", "trading", "international");
    assertThat(all("Hengda Mfg Tech")).containsExactly("hengda", "manufacturing", "technology");
    assertThat(all("Muhammad Ali")).containsExactly("mohammad", "ali");
  }
}
