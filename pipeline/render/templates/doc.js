(function(){
  var body=document.body;
  document.querySelectorAll('.legend input[data-label]').forEach(function(cb){
    cb.addEventListener('change',function(){body.classList.toggle('hide-'+cb.dataset.label,!cb.checked);});
  });
  function all(open){document.querySelectorAll('details.sec').forEach(function(d){d.open=open;});}
  var ex=document.getElementById('expand'),co=document.getElementById('collapse');
  if(ex)ex.addEventListener('click',function(){all(true);});
  if(co)co.addEventListener('click',function(){all(false);});
  document.querySelectorAll('aside a[href^="#s-"]').forEach(function(a){
    a.addEventListener('click',function(){
      var t=document.getElementById(a.getAttribute('href').slice(1));
      for(var d=t;d;d=d.parentElement){if(d.tagName==='DETAILS')d.open=true;}
    });
  });
})();
