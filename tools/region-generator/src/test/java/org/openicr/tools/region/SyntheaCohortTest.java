package org.openicr.tools.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheaCohortTest {

    @Test
    void parsesQuotedCsvFields() {
        assertEquals(List.of("a", "b, c", "say \"hi\"", ""), SyntheaCohort.parse("a,\"b, c\",\"say \"\"hi\"\"\","));
    }

    @Test
    void dropsSnomedSemanticTags() {
        assertEquals("Hypertension", SyntheaCohort.clean("Hypertension (disorder)"));
        assertEquals("Body mass index 30+ - obesity", SyntheaCohort.clean("Body mass index 30+ - obesity (finding)"));
        assertEquals("Acute bronchitis (disorder) of x", SyntheaCohort.clean("Acute bronchitis (disorder) of x"));
    }

    @Test
    void readsACohortIntoTemplatesWithDerivedItems(@TempDir Path dir) throws Exception {
        write(dir, "patients.csv", "Id,BIRTHDATE,DEATHDATE,GENDER", "p1,1950-04-02,,F");
        write(
                dir,
                "encounters.csv",
                "Id,START,STOP,PATIENT,ORGANIZATION,PROVIDER,PAYER,ENCOUNTERCLASS,CODE,DESCRIPTION,BASE_ENCOUNTER_COST,"
                        + "TOTAL_CLAIM_COST,PAYER_COVERAGE,REASONCODE,REASONDESCRIPTION",
                "e1,2020-01-05T09:00:00Z,2020-01-08T12:00:00Z,p1,o,p,x,inpatient,32485007,Hospital admission (procedure),1,1,0,"
                        + "44054006,Diabetes mellitus type 2 (disorder)",
                "e2,2021-03-01T10:00:00Z,2021-03-01T10:30:00Z,p1,o,p,x,outpatient,185347001,Encounter for problem,1,1,0,,");
        write(
                dir,
                "conditions.csv",
                "START,STOP,PATIENT,ENCOUNTER,SYSTEM,CODE,DESCRIPTION",
                "2020-01-05,,p1,e1,SNOMED-CT,44054006,Diabetes mellitus type 2 (disorder)",
                "2020-01-05,,p1,e1,SNOMED-CT,160903007,Full-time employment (finding)");
        write(
                dir,
                "observations.csv",
                "DATE,PATIENT,ENCOUNTER,CATEGORY,CODE,DESCRIPTION,VALUE,UNITS,TYPE",
                "2020-01-06T09:00:00Z,p1,e1,laboratory,4548-4,Hemoglobin A1c/Hemoglobin.total in Blood,7.2,%,numeric",
                "2020-01-06T09:00:00Z,p1,e1,survey,QALY,Quality adjusted life years,60,a,numeric",
                "2020-01-06T09:00:00Z,p1,e1,survey,56799-0,Address,1 Main Street,,text",
                "2020-01-06T09:00:00Z,p1,e1,survey,55758-7,PHQ-2 total score,1,{score},numeric");
        write(
                dir,
                "medications.csv",
                "START,STOP,PATIENT,PAYER,ENCOUNTER,CODE,DESCRIPTION,BASE_COST,PAYER_COVERAGE,DISPENSES,TOTALCOST,"
                        + "REASONCODE,REASONDESCRIPTION",
                "2020-01-08T12:00:00Z,,p1,x,e1,860975,24 HR Metformin hydrochloride 500 MG Extended Release Oral Tablet,"
                        + "1,0,12,1,44054006,Diabetes mellitus type 2 (disorder)");
        List<Template> templates = SyntheaCohort.read(dir);
        assertEquals(1, templates.size());
        Template t = templates.get(0);
        assertEquals(1, t.pool(RegionCategory.PROBLEMS).size(), "social findings are not problems");
        String problem = new String(t.pool(RegionCategory.PROBLEMS).get(0).tail(), StandardCharsets.UTF_8);
        assertTrue(problem.startsWith("SNOMED_CT\t44054006\tDiabetes mellitus type 2\t"), problem);
        assertEquals(
                2,
                t.pool(RegionCategory.RESULTS).size(),
                "LOINC-coded observations are results, minus the US social-needs survey");
        String result = t.pool(RegionCategory.RESULTS).stream()
                .map(i -> new String(i.tail(), StandardCharsets.UTF_8))
                .filter(tail -> tail.contains("4548-4"))
                .findFirst()
                .orElseThrow();
        assertTrue(result.contains("\"interpretation\":\"H\""), result);
        assertTrue(result.contains("\"unit\":\"%\""), result);
        assertEquals(
                Template.Holder.ACUTE, t.pool(RegionCategory.RESULTS).get(0).holder());
        assertEquals(2, t.pool(RegionCategory.ENCOUNTERS).size());
        assertEquals(1, t.pool(RegionCategory.APPOINTMENTS).size(), "the outpatient visit was an appointment");
        assertEquals(1, t.pool(RegionCategory.REFERRALS).size(), "and was referred by the GP");
        assertTrue(
                t.pool(RegionCategory.DOCUMENTS).stream().anyMatch(i -> i.document() != null),
                "the admission left a discharge summary with content");
        String medication = new String(t.pool(RegionCategory.MEDICATIONS).get(0).tail(), StandardCharsets.UTF_8);
        assertTrue(medication.startsWith("LOCAL\tRXNORM-860975\t"), medication);
        assertTrue(medication.contains("\"route\":\"Oral\""), medication);
        assertFalse(t.pool(RegionCategory.ENCOUNTERS).isEmpty());
        assertTrue(
                t.pool(RegionCategory.ENCOUNTERS).get(0).start()
                        > t.pool(RegionCategory.ENCOUNTERS).get(1).start(),
                "pools are newest first");
    }

    private static void write(Path dir, String name, String... lines) throws Exception {
        Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }
}
