console.log("clearance-test-asset");
