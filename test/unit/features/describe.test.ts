import { describe, expect, it } from "vitest";
import { describeFeature } from "../../../src/features/describe.ts";

describe("describeFeature", () => {
  it("negates binary features that are absent instead of naming them with a minus sign", () => {
    expect(describeFeature("all_gates_met", 1)).toBe("Meets every minimum qualification");
    expect(describeFeature("all_gates_met", 0)).toBe("Does not meet every minimum qualification");
    expect(describeFeature("signal_recommender_systems", 0)).toBe("No recommender systems work found");
  });
  it("shows log-scaled counts back in their units and fractions as percentages", () => {
    expect(describeFeature("log_months_ml", Math.log1p(14))).toBe("Machine learning experience: 14 months");
    expect(describeFeature("log_publications", Math.log1p(3))).toBe("Publications: 3 papers");
    expect(describeFeature("field_relatedness", 0.8)).toBe("Degree field is related to computing: 80%");
    expect(describeFeature("graduation_months_before_deadline", -5)).toBe("Graduates 5 months after the start deadline");
  });
});
